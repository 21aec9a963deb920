import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  ActivityRedemption,
  CustomEvent,
  CustomEventChannel,
  CustomEventLoyalty,
  CustomEventReferral,
  CustomEventRepository,
  CustomerActivity,
  CustomerActivityFilters,
} from '../../app/repositories/custom-event-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ChannelType } from '../../domain/redemptions/redemption.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { CustomEventsTable, Database } from '../tables.js';

const REDEMPTION_COLUMNS = [
  'id',
  'object',
  'result',
  'status',
  'customer_id',
  'tracking_id',
  'metadata',
  'amount',
  'order_id',
  'voucher_id',
  'voucher_code',
  'campaign_id',
  'rollback_of',
  'reason',
  'failure_code',
  'failure_message',
  'channel_type',
  'channel_id',
  'created_at',
] as const;

function toCustomEvent(row: Selectable<CustomEventsTable>): CustomEvent {
  return {
    id: row.id,
    customer_id: row.customer_id,
    event: row.event,
    metadata: fromJson(row.metadata, {}),
    referral: fromJson<CustomEventReferral | null>(row.referral, null),
    loyalty: fromJson<CustomEventLoyalty | null>(row.loyalty, null),
    channel: row.channel as CustomEventChannel,
    request_id: row.request_id,
    created_at: row.created_at,
  };
}

export class KyselyCustomEventRepository implements CustomEventRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async insert(event: CustomEvent): Promise<void> {
    await this.db
      .insertInto('custom_events')
      .values({
        ...event,
        project_id: this.projectId,
        metadata: toJson(event.metadata),
        referral: event.referral === null ? null : toJson(event.referral),
        loyalty: event.loyalty === null ? null : toJson(event.loyalty),
      })
      .execute();
  }

  async countForCustomer(customerId: string, event: string, since?: string): Promise<number> {
    let query = this.db
      .selectFrom('custom_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('project_id', '=', this.projectId)
      .where('customer_id', '=', customerId)
      .where('event', '=', event);
    if (since !== undefined) query = query.where('created_at', '>=', since);
    const row = await query.executeTakeFirstOrThrow();
    // PostgreSQL's count(*) is a bigint, which pg hands over as text.
    return Number(row.n);
  }

  async deleteForCustomer(customerId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('custom_events')
      .where('project_id', '=', this.projectId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async listActivities(
    customerId: string,
    query: ListQuery,
    filters: CustomerActivityFilters,
  ): Promise<ListPage<CustomerActivity>> {
    // One ordered list over both tables, so paging and cursors are exact however the two interleave;
    // the page's rows are then read whole by primary key.
    const events = this.db
      .selectFrom('custom_events')
      .select([
        'id',
        'created_at',
        sql<string>`'customer.custom_event'`.as('type'),
        sql<string | null>`null`.as('campaign_id'),
      ])
      .where('project_id', '=', this.projectId)
      .where('customer_id', '=', customerId);
    const redemptions = this.db
      .selectFrom('redemptions')
      .select([
        'id',
        'created_at',
        sql<string>`case
          when object = 'redemption' and result = 'SUCCESS' then 'customer.redemption.succeeded'
          when object = 'redemption' then 'customer.redemption.failed'
          when result = 'SUCCESS' then 'customer.redemption.rollback.succeeded'
          else 'customer.redemption.rollback.failed' end`.as('type'),
        'campaign_id',
      ])
      .where('project_id', '=', this.projectId)
      .where('customer_id', '=', customerId);
    let base = this.db.selectFrom(events.unionAll(redemptions).as('activities')).selectAll();
    if (filters.type !== undefined) base = base.where('type', '=', filters.type);
    if (filters.campaign_id !== undefined) base = base.where('campaign_id', '=', filters.campaign_id);
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at' },
      idColumn: 'id',
      updatedAtColumn: null,
    });
    return { ...page, items: await this.loadActivities(page.items) };
  }

  private async loadActivities(
    refs: readonly { id: string; type: string; created_at: string }[],
  ): Promise<CustomerActivity[]> {
    const eventIds = refs.filter((r) => r.type === 'customer.custom_event').map((r) => r.id);
    const redemptionIds = refs.filter((r) => r.type !== 'customer.custom_event').map((r) => r.id);
    const eventRows =
      eventIds.length === 0
        ? []
        : await this.db
            .selectFrom('custom_events')
            .selectAll()
            .where('project_id', '=', this.projectId)
            .where('id', 'in', eventIds)
            .execute();
    const redemptionRows =
      redemptionIds.length === 0
        ? []
        : await this.db
            .selectFrom('redemptions')
            .select([...REDEMPTION_COLUMNS])
            .where('project_id', '=', this.projectId)
            .where('id', 'in', redemptionIds)
            .execute();
    const eventsById = new Map(eventRows.map((row) => [row.id, toCustomEvent(row)]));
    const redemptionsById = new Map(
      redemptionRows.map((row): [string, ActivityRedemption] => [
        row.id,
        {
          ...row,
          metadata: fromJson(row.metadata, {}),
          amount: Number(row.amount),
          channel_type: row.channel_type as ChannelType,
        },
      ]),
    );
    return refs.flatMap((ref): CustomerActivity[] => {
      const event = eventsById.get(ref.id);
      if (event) return [{ type: 'customer.custom_event', id: ref.id, created_at: ref.created_at, event }];
      const redemption = redemptionsById.get(ref.id);
      if (!redemption) return [];
      const type = ref.type as Exclude<CustomerActivity['type'], 'customer.custom_event'>;
      return [{ type, id: ref.id, created_at: ref.created_at, redemption }];
    });
  }
}
