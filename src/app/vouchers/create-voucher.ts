import type { Campaign, CodeConfig } from '../../domain/campaigns/campaign.js';
import { assertKeyspaceFits } from '../../domain/codes/keyspace.js';
import { AppError, invalidPayload } from '../../domain/errors.js';
import type { Voucher, VoucherType } from '../../domain/vouchers/voucher.js';
import { getCampaignByRef } from '../campaigns/campaign-queries.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { ProjectStore } from '../ports.js';
import { isPromotionCampaign, noVouchersInPromotion } from '../promotions/promotion-campaign.js';
import { assignRules, readRuleIds } from '../validation-rules/object-rule-assignments.js';
import type { VoucherView } from '../views/voucher-view.js';
import { codeConfigFor, drawCodes } from './code-generation.js';
import { checkCode, codeKeyIn, duplicateCode } from './voucher-code.js';
import {
  assertSupportedVoucherType,
  newVoucher,
  readVoucherChanges,
  type VoucherChanges,
  type VoucherFieldsInput,
} from './voucher-fields.js';
import { viewVoucher } from './voucher-queries.js';

/** A generated code that hits a taken one is drawn again, a few times, before giving up. */
const MAX_CODE_DRAWS = 10;

export interface VoucherCreateInput extends VoucherFieldsInput {
  type?: VoucherType | null;
  campaign?: string | null;
  campaign_id?: string | null;
  code_config?: CodeConfig | null;
  validation_rules?: string[] | null;
}

/** Where a new voucher goes and what it is, checked before anything is written. */
export interface VoucherPlan {
  campaign: Campaign | null;
  changes: VoucherChanges;
  /** Uses counted before the voucher came here (an import from another system). */
  redeemedQuantity?: number;
  /** Existing validation rules to assign to the voucher, each once. */
  ruleIds?: readonly string[];
}

export async function planVoucher(store: ProjectStore, input: VoucherCreateInput): Promise<VoucherPlan> {
  assertSupportedVoucherType(input.type);
  const ruleIds = await readRuleIds(store, input.validation_rules);
  const campaignRef = input.campaign_id ?? input.campaign;
  const campaign = campaignRef ? await getCampaignByRef(store, campaignRef) : null;
  if (campaign && isPromotionCampaign(campaign)) throw noVouchersInPromotion(campaign);
  if (campaign && input.type && input.type !== campaign.voucher.type) {
    throw invalidPayload(`Property .type should be ${campaign.voucher.type}, the type of campaign ${campaign.name}`);
  }
  // A new voucher sent without metadata still has to carry the schema's mandatory fields.
  if (input.metadata === undefined) await checkMetadata(store, 'voucher', {});
  const changes = await readVoucherChanges(store, input);
  // A standalone voucher states its own type; a campaign's takes its template's.
  if (!campaign && input.type) changes.type = input.type;
  return { campaign, changes, ruleIds };
}

/** A STANDALONE campaign holds a single voucher. */
export function assertCampaignHasRoom(campaign: Campaign, count: number): void {
  if (campaign.type === 'STANDALONE' && campaign.vouchers_count + count > 1) {
    throw invalidPayload(`Campaign ${campaign.name} is STANDALONE and holds a single voucher`);
  }
}

/**
 * Stores a voucher with the given code, in the open transaction. A taken code (also by a binned
 * voucher) is a 409; a campaign's voucher count grows in the same transaction.
 */
export async function insertVoucher(
  ctx: ProjectContext,
  store: ProjectStore,
  code: string,
  plan: VoucherPlan,
): Promise<Voucher> {
  if (plan.campaign) assertCampaignHasRoom(plan.campaign, 1);
  const voucher = newVoucher(ctx.ids.newId('v_'), code, plan.campaign, plan.changes, ctx.clock.now().toISOString());
  voucher.redeemed_quantity = plan.redeemedQuantity ?? 0;
  if (!(await store.vouchers.insert({ voucher, codeKey: codeKeyIn(ctx.project, code) }))) throw duplicateCode(code);
  if (plan.campaign) await store.campaigns.addVouchersCount(plan.campaign.id, 1);
  await assignRules(ctx, store, { type: 'voucher', id: voucher.id }, plan.ruleIds ?? []);
  return voucher;
}

/** Stores a voucher with a generated code, drawing again when a draw is taken. */
export async function insertGeneratedVoucher(
  ctx: ProjectContext,
  store: ProjectStore,
  codeConfig: CodeConfig | null | undefined,
  plan: VoucherPlan,
): Promise<Voucher> {
  const config = codeConfigFor(ctx.project, codeConfig ?? plan.campaign?.voucher.code_config);
  assertKeyspaceFits(config, 1, plan.campaign?.vouchers_count ?? 0, ctx.project.settings.case_sensitive_codes);
  for (let draw = 0; draw < MAX_CODE_DRAWS; draw++) {
    const [code] = drawCodes(ctx.project, config, 1);
    try {
      return await insertVoucher(ctx, store, code as string, plan);
    } catch (error) {
      if (!(error instanceof AppError && error.key === 'duplicate_found')) throw error;
    }
  }
  throw invalidPayload(`code_config pattern "${config.pattern}" made only taken codes; widen the pattern`);
}

/**
 * POST /vouchers/{code}, and POST /vouchers (the SDK's `/vouchers/` without a code), which takes
 * the body's `code` under the same checks, or without one generates the code from `code_config`,
 * the campaign's, or the project's default charset.
 */
export function createVoucher(
  ctx: ProjectContext,
  code: string | undefined,
  input: VoucherCreateInput,
): Promise<VoucherView> {
  return ctx.store.transaction(async (store) => {
    const plan = await planVoucher(store, input);
    const voucher =
      code === undefined
        ? await insertGeneratedVoucher(ctx, store, input.code_config, plan)
        : await insertVoucher(ctx, store, checkCode(code), plan);
    return viewVoucher(store, voucher);
  });
}
