import { type Kysely, sql } from 'kysely';
import type { PromotionIndexRepository, SwitchedOnTier } from '../../app/repositories/promotion-index-repository.js';
import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Database } from '../tables.js';
import { toCampaign } from './kysely-campaign-repository.js';
import { toTier } from './kysely-promotion-tier-repository.js';

/** Campaign ids per query: far below either database's limit on bound parameters. */
const IDS_PER_QUERY = 500;

export class KyselyPromotionIndexRepository implements PromotionIndexRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async readVersion(): Promise<number> {
    const row = await this.db
      .selectFrom('promotion_index_versions')
      .select('version')
      .where('project_id', '=', this.projectId)
      .executeTakeFirst();
    return row ? Number(row.version) : 0;
  }

  async raiseVersion(): Promise<void> {
    // One upsert: concurrent writers queue on the row and each adds exactly one.
    await this.db
      .insertInto('promotion_index_versions')
      .values({ project_id: this.projectId, version: 1 })
      .onConflict((oc) => oc.column('project_id').doUpdateSet({ version: sql`promotion_index_versions.version + 1` }))
      .execute();
  }

  async listSwitchedOnTiers(): Promise<SwitchedOnTier[]> {
    const rows = await this.db
      .selectFrom('promotion_tiers')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('active', '=', 1)
      .where('campaign_id', 'in', (eb) =>
        eb
          .selectFrom('campaigns')
          .select('campaigns.id')
          .where('campaigns.project_id', '=', this.projectId)
          .where('campaigns.deleted_at', 'is', null)
          .where('campaigns.active', '=', 1)
          .where('campaigns.campaign_type', '=', 'PROMOTION'),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const campaigns = await this.findLiveCampaigns([...new Set(rows.map((row) => row.campaign_id))]);
    const tiers: SwitchedOnTier[] = [];
    for (const row of rows) {
      // A campaign switched off or binned between the two queries leaves its tiers out.
      const campaign = campaigns.get(row.campaign_id);
      if (campaign?.active) tiers.push({ tier: toTier(row), campaign });
    }
    return tiers;
  }

  private async findLiveCampaigns(ids: readonly string[]): Promise<Map<string, Campaign>> {
    const campaigns = new Map<string, Campaign>();
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const rows = await this.db
        .selectFrom('campaigns')
        .selectAll()
        .where('project_id', '=', this.projectId)
        .where('deleted_at', 'is', null)
        .where('id', 'in', ids.slice(start, start + IDS_PER_QUERY))
        .execute();
      for (const row of rows) campaigns.set(row.id, toCampaign(row));
    }
    return campaigns;
  }
}
