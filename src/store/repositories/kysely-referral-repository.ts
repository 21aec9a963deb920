import type { Kysely, Selectable } from 'kysely';
import type {
  GrantedReward,
  HolderPage,
  ReferralConversion,
  ReferralHolder,
  ReferralRepository,
} from '../../app/repositories/referral-repository.js';
import { fromJson, toJson } from '../json-columns.js';
import type { Database, ReferralConversionsTable, ReferralHoldersTable } from '../tables.js';

function toHolder(row: Selectable<ReferralHoldersTable>): ReferralHolder {
  return {
    id: row.id,
    campaign_id: row.campaign_id,
    voucher_id: row.voucher_id,
    customer_id: row.customer_id,
    referrer_id: row.referrer_id,
    holder_role: 'REFEREE',
    related_object_type: row.related_object_type as ReferralHolder['related_object_type'],
    related_object_id: row.related_object_id,
    metadata: fromJson(row.metadata, {}),
    created_at: row.created_at,
  };
}

function toConversion(row: Selectable<ReferralConversionsTable>): ReferralConversion {
  return {
    id: row.id,
    campaign_id: row.campaign_id,
    voucher_id: row.voucher_id,
    referrer_id: row.referrer_id,
    referee_id: row.referee_id,
    redemption_id: row.redemption_id,
    event_id: row.event_id,
    reward: fromJson<GrantedReward | null>(row.reward, null),
    referee_reward: fromJson<GrantedReward | null>(row.referee_reward, null),
    created_at: row.created_at,
  };
}

export class KyselyReferralRepository implements ReferralRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async insertHolder(holder: ReferralHolder): Promise<boolean> {
    const result = await this.db
      .insertInto('referral_holders')
      .values({ ...holder, project_id: this.projectId, metadata: toJson(holder.metadata) })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async findReferee(campaignId: string, customerId: string): Promise<ReferralHolder | undefined> {
    const row = await this.db
      .selectFrom('referral_holders')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row && toHolder(row);
  }

  async listHolders(voucherId: string, limit: number, startingAfterId: string | null): Promise<HolderPage> {
    let query = this.db
      .selectFrom('referral_holders')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId);
    if (startingAfterId) query = query.where('id', '>', startingAfterId);
    const rows = await query
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return { holders: rows.slice(0, limit).map(toHolder), has_more: rows.length > limit };
  }

  async countHolders(voucherId: string): Promise<number> {
    const row = await this.db
      .selectFrom('referral_holders')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  async deleteHolder(voucherId: string, holderId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('referral_holders')
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .where('id', '=', holderId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteHoldersLinkedBy(redemptionId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('referral_holders')
      .where('project_id', '=', this.projectId)
      .where('related_object_type', '=', 'redemption')
      .where('related_object_id', '=', redemptionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async listRefereeLinks(customerIds: readonly string[]): Promise<ReferralHolder[]> {
    if (customerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('referral_holders')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('customer_id', 'in', [...customerIds])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toHolder);
  }

  async insertConversion(conversion: ReferralConversion): Promise<boolean> {
    const result = await this.db
      .insertInto('referral_conversions')
      .values({
        ...conversion,
        project_id: this.projectId,
        reward: conversion.reward === null ? null : toJson(conversion.reward),
        referee_reward: conversion.referee_reward === null ? null : toJson(conversion.referee_reward),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async setConversionRewards(id: string, rewards: Pick<ReferralConversion, 'reward' | 'referee_reward'>) {
    const json = (reward: GrantedReward | null) => (reward === null ? null : toJson(reward));
    await this.db
      .updateTable('referral_conversions')
      .set({ reward: json(rewards.reward), referee_reward: json(rewards.referee_reward) })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .execute();
  }

  async takeConversionsOf(redemptionId: string): Promise<ReferralConversion[]> {
    const rows = await this.db
      .deleteFrom('referral_conversions')
      .where('project_id', '=', this.projectId)
      .where('redemption_id', '=', redemptionId)
      .returningAll()
      .execute();
    return rows.map(toConversion);
  }
}
