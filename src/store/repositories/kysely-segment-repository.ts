import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  CustomerEventSummary,
  SegmentListFilters,
  SegmentMembership,
  SegmentRepository,
  SweepLease,
} from '../../app/repositories/segment-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import {
  FILTERED_SEGMENT_TYPES,
  type Segment,
  type SegmentSyncStatus,
  type SegmentType,
} from '../../domain/segments/segment.js';
import type { DateSource } from '../../domain/segments/sweep-plan.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { matchesTextSearch } from '../filters/text-search.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, SegmentsTable } from '../tables.js';

/** Rows or values per statement, well under both databases' limits on bound parameters. */
const CHUNK = 500;

function chunksOf<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  return chunks;
}

function toSegment(row: Selectable<SegmentsTable>): Segment {
  return {
    id: row.id,
    name: row.name,
    type: row.type as SegmentType,
    filter: fromJson<Record<string, unknown> | null>(row.filter, null),
    initial_sync_status: row.initial_sync_status as SegmentSyncStatus,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A lease as stored in system_state: its end first, so `value < now` says it has run out. */
function leaseValue(lease: SweepLease): string {
  return `${lease.until}|${lease.holder}`;
}

/** PostgreSQL's count and sum are bigints, which pg hands over as text. */
function count(value: unknown): number {
  return Number(value ?? 0);
}

/** Each redemption re-evaluates its customer's filtered segments: it reads them first. */
const filteredOfProject = new PreparedQuery((db, projectId: string) =>
  db
    .selectFrom('segments')
    .selectAll('segments')
    .where('segments.project_id', '=', projectId)
    .where('segments.type', 'in', [...FILTERED_SEGMENT_TYPES])
    .orderBy('segments.created_at')
    .orderBy('segments.id'),
);

export class KyselySegmentRepository implements SegmentRepository {
  private filtered: Promise<Segment[]> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  private scoped() {
    return this.db.selectFrom('segments').selectAll('segments').where('segments.project_id', '=', this.projectId);
  }

  private members() {
    return this.db.selectFrom('segment_members').where('segment_members.project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<Segment | undefined> {
    const row = await this.scoped().where('segments.id', '=', id).executeTakeFirst();
    return row && toSegment(row);
  }

  async insert(segment: Segment): Promise<void> {
    this.filtered = undefined;
    await this.db
      .insertInto('segments')
      .values({
        id: segment.id,
        project_id: this.projectId,
        name: segment.name,
        type: segment.type,
        filter: segment.filter === null ? null : toJson(segment.filter),
        initial_sync_status: segment.initial_sync_status,
        created_at: segment.created_at,
        updated_at: segment.updated_at,
      })
      .execute();
  }

  async markSynced(id: string): Promise<void> {
    this.filtered = undefined;
    await this.db
      .updateTable('segments')
      .set({ initial_sync_status: 'DONE' })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .execute();
  }

  async listSyncingCreatedBefore(before: string): Promise<Segment[]> {
    const rows = await this.scoped()
      .where('segments.initial_sync_status', '=', 'IN_PROGRESS')
      .where('segments.created_at', '<', before)
      .orderBy('segments.created_at')
      .orderBy('segments.id')
      .execute();
    return rows.map(toSegment);
  }

  async delete(id: string): Promise<boolean> {
    this.filtered = undefined;
    await this.db
      .deleteFrom('segment_members')
      .where('project_id', '=', this.projectId)
      .where('segment_id', '=', id)
      .execute();
    const result = await this.db
      .deleteFrom('segments')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery, filters: SegmentListFilters = {}): Promise<ListPage<Segment>> {
    let base = this.scoped();
    if (filters.search !== undefined) {
      const columns = [sql.ref<string>('segments.name'), sql.ref<string>('segments.id')];
      base = base.where(matchesTextSearch(this.capabilities, columns, filters.search));
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'segments.created_at', name: 'segments.name' },
      idColumn: 'segments.id',
    });
    return { ...page, items: page.items.map(toSegment) };
  }

  /**
   * Read once per store (a request or a transaction): a redemption asks whether to lock its
   * customer and later re-evaluates the customer's segments, and pays one query for both.
   */
  listFiltered(): Promise<Segment[]> {
    this.filtered ??= this.readFiltered();
    return this.filtered;
  }

  private async readFiltered(): Promise<Segment[]> {
    const rows = await filteredOfProject.rows(this.db, this.projectId);
    return rows.map(toSegment);
  }

  async listOfCustomer(customerId: string): Promise<Segment[]> {
    const rows = await this.scoped()
      .innerJoin('segment_members', (join) =>
        join
          .onRef('segment_members.segment_id', '=', 'segments.id')
          .on('segment_members.project_id', '=', this.projectId)
          .on('segment_members.customer_id', '=', customerId),
      )
      .orderBy('segments.created_at')
      .orderBy('segments.id')
      .execute();
    return rows.map(toSegment);
  }

  async segmentIdsOfCustomer(customerId: string): Promise<string[]> {
    const rows = await this.members()
      .select('segment_id')
      .where('customer_id', '=', customerId)
      .orderBy('segment_id')
      .execute();
    return rows.map((row) => row.segment_id);
  }

  async memberships(customerIds: readonly string[], segmentIds: readonly string[]): Promise<SegmentMembership[]> {
    if (customerIds.length === 0 || segmentIds.length === 0) return [];
    const found: SegmentMembership[] = [];
    for (const chunk of chunksOf(customerIds)) {
      const rows = await this.members()
        .select(['segment_id', 'customer_id'])
        .where('customer_id', 'in', chunk)
        .where('segment_id', 'in', [...segmentIds])
        .execute();
      found.push(...rows);
    }
    return found;
  }

  async addMember(segmentId: string, customerId: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('segment_members')
      .values({ project_id: this.projectId, segment_id: segmentId, customer_id: customerId, created_at: at })
      .onConflict((oc) => oc.columns(['project_id', 'segment_id', 'customer_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async removeMember(segmentId: string, customerId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('segment_members')
      .where('project_id', '=', this.projectId)
      .where('segment_id', '=', segmentId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async addMembers(segmentId: string, customerIds: readonly string[], at: string): Promise<void> {
    for (const chunk of chunksOf([...new Set(customerIds)])) {
      await this.db
        .insertInto('segment_members')
        .values(
          chunk.map((customerId) => ({
            project_id: this.projectId,
            segment_id: segmentId,
            customer_id: customerId,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['project_id', 'segment_id', 'customer_id']).doNothing())
        .execute();
    }
  }

  async removeCustomer(customerId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('segment_members')
      .where('project_id', '=', this.projectId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async lockCustomers(customerIds: readonly string[]): Promise<void> {
    // SQLite runs one transaction at a time: nothing to lock. Elsewhere a row lock that writes
    // nothing (no dead row versions), one id at a time, in order, so two refreshes cannot deadlock.
    if (!this.capabilities.supportsRowLocks) return;
    for (const id of [...new Set(customerIds)].sort()) {
      await this.db
        .selectFrom('customers')
        .select('id')
        .where('project_id', '=', this.projectId)
        .where('id', '=', id)
        .forUpdate()
        .execute();
    }
  }

  async resolveCustomerRefs(refs: readonly string[]): Promise<Map<string, string>> {
    const resolved = new Map<string, string>();
    const bySourceId = new Map<string, string>();
    for (const chunk of chunksOf([...new Set(refs)])) {
      const rows = await this.db
        .selectFrom('customers')
        .select(['id', 'source_id'])
        .where('project_id', '=', this.projectId)
        .where((eb) => eb.or([eb('id', 'in', chunk), eb('source_id', 'in', chunk)]))
        .execute();
      for (const row of rows) {
        resolved.set(row.id, row.id);
        if (row.source_id !== null) bySourceId.set(row.source_id, row.id);
      }
    }
    // An id match wins over a source_id match, as for every path that names a customer.
    const answer = new Map<string, string>();
    for (const ref of refs) {
      const id = resolved.get(ref) ?? bySourceId.get(ref);
      if (id !== undefined) answer.set(ref, id);
    }
    return answer;
  }

  async customerIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('customers').select('id').where('project_id', '=', this.projectId);
    if (afterId !== null) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((row) => row.id);
  }

  async summarizeEvents(customerIds: readonly string[], events: readonly string[]): Promise<CustomerEventSummary[]> {
    if (events.length === 0) return [];
    const summaries: CustomerEventSummary[] = [];
    for (const chunk of chunksOf(customerIds)) {
      const rows = await this.db
        .selectFrom('custom_events')
        .select((eb) => [
          'customer_id',
          'event',
          eb.fn.countAll().as('count'),
          eb.fn.max<string>('created_at').as('last_at'),
        ])
        .where('project_id', '=', this.projectId)
        .where('customer_id', 'in', chunk)
        .where('event', 'in', [...events])
        .groupBy(['customer_id', 'event'])
        .execute();
      summaries.push(
        ...rows.map((row) => ({
          customer_id: row.customer_id,
          event: row.event,
          count: count(row.count),
          last_at: row.last_at,
        })),
      );
    }
    return summaries;
  }

  private leaseKey(): string {
    return `segment-sweep-lease:${this.projectId}`;
  }

  private sweptKey(): string {
    return `segment-swept-through:${this.projectId}`;
  }

  async customerIdsWithDateIn(
    source: DateSource,
    from: string,
    to: string,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    // A date-only value (a birthdate) sorts before the same day's instants: compare from the day.
    const fromDay = from.slice(0, 10);
    if (source.kind === 'customer') {
      let query = this.db
        .selectFrom('customers')
        .select('id as customer_id')
        .where('project_id', '=', this.projectId)
        .where(source.column, '>=', fromDay)
        .where(source.column, '<=', to);
      if (afterId !== null) query = query.where('id', '>', afterId);
      const rows = await query.orderBy('id').limit(limit).execute();
      return rows.map((row) => row.customer_id);
    }
    const table = source.kind === 'orders' ? 'orders' : 'custom_events';
    let query = this.db
      .selectFrom(table)
      .select('customer_id')
      .distinct()
      .where('project_id', '=', this.projectId)
      .where('customer_id', 'is not', null)
      .where('created_at', '>=', fromDay)
      .where('created_at', '<=', to);
    if (source.kind === 'event') query = query.where('event', '=', source.event);
    if (afterId !== null) query = query.where('customer_id', '>', afterId);
    const rows = await query.orderBy('customer_id').limit(limit).execute();
    return rows.flatMap((row) => (row.customer_id === null ? [] : [row.customer_id]));
  }

  async claimSweepLease(lease: SweepLease, now: string): Promise<boolean> {
    // One statement: of two processes claiming at once, the database lets one insert or update.
    const value = leaseValue(lease);
    const result = await this.db
      .insertInto('system_state')
      .values({ key: this.leaseKey(), value, created_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value, created_at: now }).where('system_state.value', '<', now),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async extendSweepLease(lease: SweepLease, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('system_state')
      .set({ value: leaseValue({ holder: lease.holder, until }) })
      .where('key', '=', this.leaseKey())
      .where('value', '=', leaseValue(lease))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async releaseSweepLease(lease: SweepLease): Promise<void> {
    await this.db
      .deleteFrom('system_state')
      .where('key', '=', this.leaseKey())
      .where('value', '=', leaseValue(lease))
      .execute();
  }

  async sweptThrough(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('system_state')
      .select('value')
      .where('key', '=', this.sweptKey())
      .executeTakeFirst();
    return row?.value;
  }

  async markSweptThrough(at: string): Promise<void> {
    await this.db
      .insertInto('system_state')
      .values({ key: this.sweptKey(), value: at, created_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: at }).where('system_state.value', '<', at))
      .execute();
  }
}
