import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import type { Campaign, CodeConfig } from '../../domain/campaigns/campaign.js';
import type { NormalizedCodeConfig } from '../../domain/codes/code-config.js';
import { invalidPayload, notFound } from '../../domain/errors.js';
import { codeKey } from '../../domain/vouchers/code-key.js';
import type { AsyncActionHandler } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { GeneratedVoucher, NewVoucher } from '../repositories/voucher-repository.js';
import { newSortableIds } from '../sortable-ids.js';
import { codeConfigFor, drawCodes } from '../vouchers/code-generation.js';
import { applyVoucherChanges, blankVoucher, type VoucherChanges } from '../vouchers/voucher-fields.js';

/** Codes made inside the request that asks for them; more go to the worker as an async action. */
export const SYNC_GENERATION_LIMIT = 100;
/** Rows per transaction: each commit costs a sync to disk, each open transaction blocks SQLite's other writers. */
const ROWS_PER_TRANSACTION = 10_000;
/**
 * Codes drawn at once (the most one request may ask for). Inserted in code order, each
 * transaction fills one narrow range of the unique code index, instead of touching (and writing
 * again) pages all over it as random codes would: a million codes then store several times faster.
 */
const CODES_PER_DRAW = 1_000_000;
/** Draws in a row that insert nothing: the keyspace is full, whatever assertKeyspaceFits allowed. */
const MAX_FRUITLESS_DRAWS = 5;

export interface GenerationOptions {
  config: NormalizedCodeConfig;
  /** What the new vouchers set themselves (addVoucher's body); nothing for a campaign's own codes. */
  changes?: VoucherChanges;
  /** Called after each committed batch with how many codes are made so far. */
  onProgress?: (made: number) => Promise<void>;
}

interface KeyedCode {
  code: string;
  codeKey: string;
}

function drawSortedCodes(ctx: ProjectContext, config: NormalizedCodeConfig, count: number): KeyedCode[] {
  const caseSensitive = ctx.project.settings.case_sensitive_codes;
  const keyed = drawCodes(ctx.project, config, count).map((code) => ({ code, codeKey: codeKey(code, caseSensitive) }));
  return keyed.sort((a, b) => (a.codeKey < b.codeKey ? -1 : a.codeKey > b.codeKey ? 1 : 0));
}

/**
 * Stores codes in the open transaction with the campaign's new count; taken ones are skipped.
 * Only the code is stored when they inherit everything, whole vouchers otherwise.
 */
async function insertCodes(
  ctx: ProjectContext,
  store: ProjectStore,
  campaign: Campaign,
  codes: readonly KeyedCode[],
  changes: VoucherChanges | undefined,
): Promise<number> {
  const now = ctx.clock.now();
  const ids = newSortableIds('v_', codes.length, now.getTime());
  let inserted: number;
  if (!changes || Object.keys(changes).length === 0) {
    const rows: GeneratedVoucher[] = codes.map((row, i) => ({ id: ids[i] as string, ...row }));
    inserted = await store.vouchers.insertGenerated(campaign.id, now.toISOString(), rows);
  } else {
    const createdAt = now.toISOString();
    const rows: NewVoucher[] = codes.map((row, i) => ({
      voucher: applyVoucherChanges(blankVoucher(ids[i] as string, row.code, campaign.id, createdAt), changes, null),
      codeKey: row.codeKey,
    }));
    inserted = (await store.vouchers.insertMany(rows)).length;
  }
  await store.campaigns.addVouchersCount(campaign.id, inserted);
  return inserted;
}

/**
 * Generates `count` new codes into the campaign, committing every ROWS_PER_TRANSACTION codes
 * together with the campaign's count (inside an open transaction, it all joins that one). Codes
 * that collide with taken ones (the unique index decides) are drawn again.
 */
export async function generateVouchers(
  ctx: ProjectContext,
  campaign: Campaign,
  count: number,
  options: GenerationOptions,
): Promise<void> {
  let made = 0;
  for (let fruitless = 0; made < count; ) {
    const codes = drawSortedCodes(ctx, options.config, Math.min(CODES_PER_DRAW, count - made));
    let madeNow = 0;
    for (let start = 0; start < codes.length; start += ROWS_PER_TRANSACTION) {
      const slice = codes.slice(start, start + ROWS_PER_TRANSACTION);
      madeNow += await ctx.store.transaction((store) => insertCodes(ctx, store, campaign, slice, options.changes));
      await options.onProgress?.(made + madeNow);
    }
    made += madeNow;
    fruitless = madeNow === 0 ? fruitless + 1 : 0;
    if (fruitless >= MAX_FRUITLESS_DRAWS) {
      throw invalidPayload(`code_config pattern "${options.config.pattern}" makes only taken codes; widen it`);
    }
  }
}

/** The payload of a CAMPAIGN.VOUCHERS_GENERATE action. */
export interface GenerationRequest {
  campaign_id: string;
  /** The campaign's voucher count when asked: the job makes `count` more than that, also when retried. */
  baseline: number;
  count: number;
  code_config?: CodeConfig | null;
  changes?: VoucherChanges;
}

/** Queues the generation (in the caller's transaction) and marks the campaign IN_PROGRESS. */
export async function enqueueGeneration(
  ctx: ProjectContext,
  store: ProjectStore,
  request: GenerationRequest,
): Promise<AsyncAction> {
  await store.campaigns.setGenerationStatus(request.campaign_id, 'IN_PROGRESS');
  return enqueueAsyncAction({ ...ctx, store }, 'CAMPAIGN.VOUCHERS_GENERATE', request);
}

/**
 * Runs a queued generation. A worker that died half-way leaves committed batches behind; the
 * retry counts them (the campaign's count moves with each batch) and makes only the rest.
 */
export const runCampaignVouchersGenerate: AsyncActionHandler = async (ctx, payload) => {
  const request = payload as GenerationRequest;
  const campaign = await ctx.store.campaigns.findById(request.campaign_id);
  if (!campaign) throw notFound('campaign', request.campaign_id);
  const already = Math.max(0, campaign.vouchers_count - request.baseline);
  const remaining = Math.max(0, request.count - already);
  const config = codeConfigFor(ctx.project, request.code_config ?? campaign.voucher.code_config);
  try {
    await generateVouchers(ctx, campaign, remaining, {
      config,
      changes: request.changes,
      onProgress: (made) => ctx.reportProgress(Math.floor(((already + made) / request.count) * 100)),
    });
  } catch (error) {
    await ctx.store.campaigns.setGenerationStatus(campaign.id, 'FAILED');
    throw error;
  }
  await ctx.store.campaigns.setGenerationStatus(campaign.id, 'DONE');
  return {
    message: `${request.count} voucher(s) generated`,
    done_count: request.count,
    failed_count: 0,
    failed: [],
  };
};
