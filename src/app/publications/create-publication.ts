import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Customer } from '../../domain/customers/customer.js';
import { AppError, invalidPayload, notFound } from '../../domain/errors.js';
import type { Publication } from '../../domain/publications/publication.js';
import {
  joinOnceCountRefusal,
  type PublicationTarget,
  readPublicationTarget,
} from '../../domain/publications/publication-target.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import { nowIso, type ProjectContext } from '../context.js';
import { upsertCustomer } from '../customers/upsert-customer.js';
import { recordEvent } from '../events/record-event.js';
import type { ProjectStore } from '../ports.js';
import { loadVoucher } from '../redemptions/load-voucher.js';
import type { PublishedVouchers } from '../repositories/publication-repository.js';
import { claimCampaignCodes, claimNamedCode } from './claim-codes.js';
import { loadPublished, type PublishedOutcome } from './publication-queries.js';
import type { PublicationOptions, PublicationRequest } from './publication-request.js';

/** Thrown inside the transaction when another publication holds the source_id: rolls back the claim. */
class SourceIdTaken extends Error {}

/** Refusals that leave a FAILURE publication behind, as Voucherify lists them. */
const RECORDED_FAILURES = new Set(['no_voucher_suitable_for_publication', 'voucher_already_published']);

function requireCustomer(request: PublicationRequest) {
  const customer = request.customer;
  if (!customer || (!customer.id && !customer.source_id)) {
    throw invalidPayload('Property .customer should name the customer: id or source_id');
  }
  return customer;
}

interface Resolved {
  campaign: Campaign | null;
  voucher: Voucher | null;
}

async function resolveTarget(ctx: ProjectContext, store: ProjectStore, target: PublicationTarget): Promise<Resolved> {
  if (target.kind === 'voucher') {
    const loaded = await loadVoucher(store, ctx.project, target.code);
    return { campaign: loaded.campaign, voucher: loaded.stored };
  }
  const campaign = await store.campaigns.findByRef(target.ref);
  if (!campaign) throw notFound('campaign', target.ref);
  return { campaign, voucher: null };
}

function newPublication(
  ctx: ProjectContext,
  request: PublicationRequest,
  customer: Customer,
  campaign: Campaign | null,
): Publication {
  return {
    id: ctx.ids.newId('pub_'),
    source_id: request.source_id ?? null,
    customer_id: customer.id,
    tracking_id: customer.source_id,
    campaign_id: campaign?.id ?? null,
    campaign_name: campaign?.name ?? null,
    voucher_ids: [],
    voucher_codes: [],
    voucher_type: null,
    is_referral_code: false,
    channel: request.channel || 'API',
    metadata: request.metadata ?? {},
    result: 'SUCCESS',
    failure_code: null,
    failure_message: null,
    created_at: nowIso(ctx.clock),
  };
}

/**
 * Under join_once a customer holds at most one code of the campaign: their row is locked first
 * (customer before vouchers, the order redemptions lock in), so parallel requests for one customer
 * queue, and each after the first finds the code the first handed out.
 */
async function joinedPublication(
  store: ProjectStore,
  customer: Customer,
  campaign: Campaign,
): Promise<Publication | Voucher | null> {
  await store.customers.findForUpdate(customer.id);
  const held = await store.vouchers.findHeldInCampaign(campaign.id, customer.id);
  if (!held) return null;
  return (await store.publications.findFirstOfCustomer(customer.id, campaign.id)) ?? held;
}

/** The codes the target names, claimed for the customer in the open transaction. */
async function claimTargetCodes(
  ctx: ProjectContext,
  store: ProjectStore,
  target: PublicationTarget,
  resolved: Resolved,
  joined: Voucher | null,
  customer: Customer,
): Promise<Voucher[]> {
  const { campaign, voucher } = resolved;
  if (joined) return [await claimNamedCode(ctx, store, joined, campaign, customer.id)];
  if (voucher) return [await claimNamedCode(ctx, store, voucher, campaign, customer.id)];
  if (campaign && target.kind === 'campaign') {
    return claimCampaignCodes(ctx, store, campaign, customer.id, target.count);
  }
  throw new Error('a publication target resolves to a voucher or a campaign');
}

/**
 * Publishes in the open transaction; the publication's id.
 *
 * A request with a source_id writes its publication row first: a parallel retry then waits on
 * the source_id's unique index until this one commits, and gets it back (replayOrRefuse), where
 * claiming first would let the retry skip the code this one holds and find the pool empty.
 *
 * Without a source_id the codes are claimed before the row is written, so when one code is asked
 * for, a refusal (an empty pool, a disabled or expired campaign or code) comes before any write
 * but the customer's upsert, which a bare customer id leaves unwritten: a caller inside a larger
 * transaction (a referral reward, gift-credit-rewards.ts) may catch it and go on with nothing
 * half-written. Only an AUTO_UPDATE campaign writes first, free codes of its own, which stand
 * whether or not they are then claimed.
 */
export async function publishInTransaction(
  ctx: ProjectContext,
  store: ProjectStore,
  request: PublicationRequest,
  target: PublicationTarget,
  options: PublicationOptions,
): Promise<string> {
  const customer = await upsertCustomer(store, ctx.clock, ctx.ids, requireCustomer(request), options.writes);
  const resolved = await resolveTarget(ctx, store, target);
  const { campaign } = resolved;
  let joined: Voucher | null = null;
  if (target.kind === 'campaign' && campaign && (options.joinOnce || request.join_once || campaign.join_once)) {
    const refusal = joinOnceCountRefusal(target.count);
    if (refusal) throw refusal;
    const found = await joinedPublication(store, customer, campaign);
    if (found && 'result' in found) return found.id;
    joined = found;
  }
  const publication: Publication = newPublication(ctx, request, customer, campaign);
  const holdsSourceId = publication.source_id !== null;
  if (holdsSourceId && !(await store.publications.insert(publication))) throw new SourceIdTaken();
  const vouchers = await claimTargetCodes(ctx, store, target, resolved, joined, customer);
  const first = resolveVoucher(vouchers[0] as Voucher, campaign);
  const published: PublishedVouchers = {
    ids: vouchers.map((v) => v.id),
    codes: vouchers.map((v) => v.code),
    voucher_type: first.type,
    is_referral_code: first.is_referral_code,
  };
  if (holdsSourceId) await store.publications.setVouchers(publication.id, published);
  else {
    await store.publications.insert({
      ...publication,
      voucher_ids: published.ids,
      voucher_codes: published.codes,
      voucher_type: published.voucher_type,
      is_referral_code: published.is_referral_code,
    });
  }
  await recordEvent(
    ctx,
    store,
    'voucher.published',
    { object: 'publication', id: publication.id },
    publication.created_at,
  );
  return publication.id;
}

/**
 * A FAILURE publication, written after the refused attempt rolled back, with its customer; the
 * refusal then names it, as a refused redemption names its `rf_` record.
 */
async function recordFailure(
  ctx: ProjectContext,
  request: PublicationRequest,
  options: PublicationOptions,
  error: AppError,
  target: PublicationTarget,
): Promise<AppError> {
  const id = await ctx.store.transaction(async (store) => {
    const customer = await upsertCustomer(store, ctx.clock, ctx.ids, requireCustomer(request), options.writes);
    const campaign = target.kind === 'campaign' ? ((await store.campaigns.findByRef(target.ref)) ?? null) : null;
    const failure = {
      ...newPublication(ctx, request, customer, campaign),
      result: 'FAILURE' as const,
      failure_code: error.key,
      failure_message: error.details ?? error.message,
    };
    await store.publications.insert(failure);
    return failure.id;
  });
  return new AppError(error.key, {
    message: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
    resource_id: id,
    resource_type: 'publication',
  });
}

/**
 * A retried request with a taken source_id gets the first publication back, when it asks for the
 * same thing for the same customer; anything else under that source_id is `duplicate_source_id`.
 */
async function replayOrRefuse(
  ctx: ProjectContext,
  existing: Publication,
  request: PublicationRequest,
  target: PublicationTarget,
): Promise<PublishedOutcome> {
  const named = requireCustomer(request);
  const customer = named.id
    ? await ctx.store.customers.findById(named.id)
    : await ctx.store.customers.findBySourceId(named.source_id as string);
  const sameTarget =
    target.kind === 'voucher'
      ? existing.voucher_codes.includes(target.code)
      : target.ref === existing.campaign_id || target.ref === existing.campaign_name;
  if (customer?.id !== existing.customer_id || !sameTarget) {
    throw new AppError('duplicate_source_id', {
      details: `Publication with source_id: '${existing.source_id}' already exists`,
    });
  }
  return loadPublished(ctx.store, existing);
}

/**
 * POST /v1/publications: hands codes to a customer (upserted), in one transaction with the
 * publication row, the codes' holder and publish count, and the `voucher.published` event.
 */
export async function createPublication(
  ctx: ProjectContext,
  request: PublicationRequest,
  options: PublicationOptions,
): Promise<PublishedOutcome> {
  const target = readPublicationTarget({ ...request, join_once: request.join_once || options.joinOnce });
  requireCustomer(request);
  if (request.source_id) {
    const existing = await ctx.store.publications.findBySourceId(request.source_id);
    if (existing) return replayOrRefuse(ctx, existing, request, target);
  }
  let id: string;
  try {
    id = await ctx.store.transaction((store) => publishInTransaction(ctx, store, request, target, options));
  } catch (error) {
    if (error instanceof SourceIdTaken && request.source_id) {
      const existing = await ctx.store.publications.findBySourceId(request.source_id);
      if (existing) return replayOrRefuse(ctx, existing, request, target);
    }
    if (error instanceof AppError && RECORDED_FAILURES.has(error.key)) {
      throw await recordFailure(ctx, request, options, error, target);
    }
    throw error;
  }
  const publication = await ctx.store.publications.findById(id);
  if (!publication) throw new Error(`publication ${id} vanished after commit`);
  return loadPublished(ctx.store, publication);
}
