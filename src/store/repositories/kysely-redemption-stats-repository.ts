import { type Kysely, sql } from 'kysely';
import type {
  DailyRedemptions,
  RedemptionStats,
  RedemptionStatsQuery,
  RedemptionStatsRepository,
} from '../../app/repositories/redemption-stats-repository.js';
import type { LocalDay } from '../../domain/dashboard/daily-series.js';
import type { Database } from '../tables.js';

const TOP_CUSTOMERS = 10;

/**
 * The project-calendar day a redemption falls on: the newest of the window's days that started at
 * or before it. Days start at local midnights, which no fixed offset from UTC gives all year.
 */
function dayOf(days: readonly LocalDay[]) {
  const newestFirst = [...days].reverse();
  const branches = newestFirst.map(({ day, start }) => sql`when created_at >= ${start} then cast(${day} as text)`);
  return sql<string>`(case ${sql.join(branches, sql` `)} end)`;
}

export class KyselyRedemptionStatsRepository implements RedemptionStatsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  /** Uses in the period: redemptions, not their rollbacks, and not a stack's parent (its children count). */
  private uses(query: RedemptionStatsQuery) {
    let uses = this.db
      .selectFrom('redemptions')
      .where('project_id', '=', this.projectId)
      .where('object', '=', 'redemption')
      .where('related_object_type', '!=', 'redemption')
      .where('created_at', '>=', query.days[0]?.start ?? '9999');
    if (query.campaignId !== undefined) uses = uses.where('campaign_id', '=', query.campaignId);
    return uses;
  }

  private async customersNamed(ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { source_id: string | null; name: string | null }>();
    const rows = await this.db
      .selectFrom('customers')
      .select(['id', 'source_id', 'name'])
      .where('project_id', '=', this.projectId)
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  async summarize(query: RedemptionStatsQuery): Promise<RedemptionStats> {
    // Grouped by the output column: PostgreSQL would not see a parameterised CASE in the select
    // list and the same CASE in GROUP BY (with other parameter numbers) as one expression.
    const dayRows = await this.uses(query)
      .select((eb) => [
        dayOf(query.days).as('local_day'),
        'status',
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number | string>('discount_amount'), eb.lit(0)).as('discount'),
      ])
      .groupBy([sql`local_day`, 'status'])
      .orderBy(sql`local_day`)
      .execute();
    const days = new Map<string, DailyRedemptions>();
    for (const row of dayRows) {
      const day = row.local_day;
      const entry = days.get(day) ?? { day, succeeded: 0, failed: 0, rolledBack: 0, discountAmount: 0 };
      const count = Number(row.count);
      if (row.status === 'FAILED') entry.failed += count;
      else if (row.status === 'ROLLED_BACK') entry.rolledBack += count;
      else {
        entry.succeeded += count;
        entry.discountAmount += Number(row.discount);
      }
      days.set(day, entry);
    }

    const failures = await this.uses(query)
      .where('result', '=', 'FAILURE')
      .select((eb) => [
        eb.fn.coalesce('failure_code', eb.val('unknown')).as('reason'),
        eb.fn.countAll<number | string>().as('count'),
      ])
      .groupBy('failure_code')
      .orderBy('count', 'desc')
      .execute();

    const customers = await this.uses(query)
      .where('status', '=', 'SUCCEEDED')
      .where('customer_id', 'is not', null)
      .select((eb) => [
        'customer_id',
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number | string>('discount_amount'), eb.lit(0)).as('discount'),
      ])
      .groupBy('customer_id')
      .orderBy('count', 'desc')
      .orderBy('customer_id')
      .limit(TOP_CUSTOMERS)
      .execute();

    const channels = await this.uses(query)
      .select((eb) => ['channel_type', eb.fn.countAll<number | string>().as('count')])
      .groupBy('channel_type')
      .orderBy('count', 'desc')
      .execute();

    const known = await this.customersNamed(customers.map((row) => row.customer_id as string));
    return {
      days: [...days.values()],
      failuresByReason: failures.map((row) => ({ reason: String(row.reason), count: Number(row.count) })),
      topCustomers: customers.map((row) => ({
        customerId: row.customer_id as string,
        sourceId: known.get(row.customer_id as string)?.source_id ?? null,
        name: known.get(row.customer_id as string)?.name ?? null,
        redemptions: Number(row.count),
        discountAmount: Number(row.discount),
      })),
      channels: channels.map((row) => ({ channel: row.channel_type, redemptions: Number(row.count) })),
    };
  }
}
