import { type Kysely, sql } from 'kysely';
import type {
  CampaignTotals,
  RedemptionCountQuery,
  RuleCounterRepository,
} from '../../app/repositories/rule-counter-repository.js';
import type { RuleScope } from '../../domain/rules/check-assigned-rules.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database } from '../tables.js';

/** The row a scope's redemptions lock to take turns: a tier's own, as a voucher's. */
const TABLE_OF_SCOPE = {
  voucher: 'vouchers',
  campaign: 'campaigns',
  promotion_tier: 'promotion_tiers',
} as const satisfies Record<RuleScope['type'], keyof Database>;

export class KyselyRuleCounterRepository implements RuleCounterRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async lockScope(scope: RuleScope): Promise<void> {
    if (!this.capabilities.supportsRowLocks) return;
    const table = TABLE_OF_SCOPE[scope.type];
    await this.db
      .selectFrom(table)
      .select('id')
      .where('project_id', '=', this.projectId)
      .where('id', '=', scope.id)
      .forUpdate()
      .execute();
  }

  /** Successful redemptions of the scope that still stand (a rolled back one is ROLLED_BACK). */
  private standing(scope: RuleScope) {
    const base = this.db
      .selectFrom('redemptions')
      .where('redemptions.project_id', '=', this.projectId)
      .where('redemptions.object', '=', 'redemption')
      .where('redemptions.status', '=', 'SUCCEEDED');
    switch (scope.type) {
      case 'voucher':
        return base.where('redemptions.voucher_id', '=', scope.id);
      case 'campaign':
        return base.where('redemptions.campaign_id', '=', scope.id);
      case 'promotion_tier':
        return base
          .where('redemptions.related_object_type', '=', 'promotion_tier')
          .where('redemptions.related_object_id', '=', scope.id);
    }
  }

  async countRedemptions(query: RedemptionCountQuery): Promise<number> {
    let count = this.standing(query.scope);
    if (query.customerId !== undefined) count = count.where('redemptions.customer_id', '=', query.customerId);
    if (query.since !== undefined) count = count.where('redemptions.created_at', '>=', query.since);
    const row = await count.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async campaignTotals(campaignId: string): Promise<CampaignTotals> {
    const row = await this.db
      .selectFrom('campaigns')
      .select(['redemptions_count', 'orders_amount'])
      .where('project_id', '=', this.projectId)
      .where('id', '=', campaignId)
      .executeTakeFirst();
    return { redemptions: Number(row?.redemptions_count ?? 0), ordersAmount: Number(row?.orders_amount ?? 0) };
  }

  async moveCampaignTotals(campaignId: string, direction: 1 | -1, orderAmount: number): Promise<void> {
    await this.db
      .updateTable('campaigns')
      .set({
        redemptions_count: sql`redemptions_count + ${direction}`,
        orders_amount: sql`orders_amount + ${direction * orderAmount}`,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', campaignId)
      .execute();
  }
}
