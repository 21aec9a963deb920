import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Segment } from '../../domain/segments/segment.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { SegmentListFilters } from '../repositories/segment-repository.js';

export async function getSegment(ctx: ProjectContext, id: string): Promise<Segment> {
  const segment = await ctx.store.segments.findById(id);
  if (!segment) throw notFound('segment', id);
  return segment;
}

export function listSegments(
  ctx: ProjectContext,
  query: ListQuery,
  filters: SegmentListFilters = {},
): Promise<ListPage<Segment>> {
  return ctx.store.segments.list(query, filters);
}

/**
 * GET /customers/{id}/segments. Voucherify's spec answers an unknown customer with the segments
 * it would qualify for; Vouch answers 404, as every path naming an object of another project (or
 * none) does, so a key never learns whether a ref exists elsewhere.
 */
export async function listCustomerSegments(ctx: ProjectContext, ref: string): Promise<Segment[]> {
  const customer = await ctx.store.customers.findByRef(ref);
  if (!customer) throw notFound('customer', ref);
  return ctx.store.segments.listOfCustomer(customer.id);
}

/** The segments a customer is in, as the `customer.segment` rule reads them (RuleCustomer.segment_ids). */
export function segmentIdsOfCustomer(store: ProjectStore, customerId: string): Promise<string[]> {
  return store.segments.segmentIdsOfCustomer(customerId);
}
