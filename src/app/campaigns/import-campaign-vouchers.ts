import type { AsyncAction, AsyncActionType } from '../../domain/async-actions/async-action.js';
import { invalidPayload } from '../../domain/errors.js';
import type { AsyncActionHandler, JobContext } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { readCsvRecords } from '../csv-file.js';
import { isPromotionCampaign, noVouchersInPromotion } from '../promotions/promotion-campaign.js';
import { insertVoucher } from '../vouchers/create-voucher.js';
import { checkCode } from '../vouchers/voucher-code.js';
import { type VoucherCsvRow, vouchersFromCsvRecords } from '../vouchers/voucher-csv.js';
import { readVoucherChanges } from '../vouchers/voucher-fields.js';
import { applyVoucherRows, summarize, type VoucherRowRef } from '../vouchers/voucher-rows.js';
import type { CampaignVoucherFields } from './add-campaign-vouchers.js';
import { getCampaignByRef } from './campaign-queries.js';

/** One code of `POST /campaigns/{campaignId}/import`, with what it sets itself. */
export interface CampaignImportRow extends CampaignVoucherFields {
  code: string;
  /** Uses counted before the code came here (a CSV's Redeemed Quantity). */
  redeemed_quantity?: number;
  /** Why the row cannot be imported (a bad CSV cell). */
  problem?: string;
  /** The CSV row, to name in failures. */
  row?: number;
}

interface CampaignImport {
  campaign_id: string;
  rows: CampaignImportRow[];
}

/** Queues an import into an existing campaign; the campaign is looked up now, so a wrong one is a 404 at once. */
async function enqueueImport(
  ctx: ProjectContext,
  ref: string,
  type: AsyncActionType,
  rows: CampaignImportRow[],
): Promise<AsyncAction> {
  const campaign = await getCampaignByRef(ctx.store, ref);
  if (isPromotionCampaign(campaign)) throw noVouchersInPromotion(campaign);
  const job: CampaignImport = { campaign_id: campaign.id, rows };
  return enqueueAsyncAction(ctx, type, job);
}

/** POST /campaigns/{campaignId}/import: codes join the campaign and inherit its definition. */
export function importCampaignVouchers(
  ctx: ProjectContext,
  ref: string,
  rows: CampaignImportRow[],
): Promise<AsyncAction> {
  return enqueueImport(ctx, ref, 'CAMPAIGN.VOUCHERS_IMPORT', rows);
}

function fromCsvRow(row: VoucherCsvRow): CampaignImportRow {
  return {
    ...row.fields,
    code: row.code,
    row: row.row,
    ...(row.redeemed_quantity !== undefined ? { redeemed_quantity: row.redeemed_quantity } : {}),
    ...(row.problem !== undefined ? { problem: row.problem } : {}),
  };
}

/** POST /campaigns/{campaignId}/importCSV: Code, Category, Active, Redeemed Quantity; other columns become metadata. */
export function importCampaignVouchersCsv(ctx: ProjectContext, ref: string, csv: string): Promise<AsyncAction> {
  const rows = vouchersFromCsvRecords(readCsvRecords(csv), 'campaign').map(fromCsvRow);
  return enqueueImport(ctx, ref, 'CAMPAIGN.VOUCHERS_IMPORT_CSV', rows);
}

function importRow(ctx: JobContext, campaignId: string, row: CampaignImportRow): Promise<void> {
  const { code, redeemed_quantity: redeemedQuantity, problem, row: _row, ...fields } = row;
  if (problem !== undefined) throw invalidPayload(problem);
  return ctx.store.transaction(async (store) => {
    const campaign = await getCampaignByRef(store, campaignId);
    const changes = await readVoucherChanges(store, fields);
    await insertVoucher(ctx, store, checkCode(code), { campaign, changes, redeemedQuantity });
  });
}

function describe(row: CampaignImportRow): VoucherRowRef {
  return { ...(row.code ? { code: row.code } : {}), ...(row.row !== undefined ? { row: row.row } : {}) };
}

export const runCampaignVouchersImport: AsyncActionHandler = async (ctx, payload) => {
  const job = payload as CampaignImport;
  const outcome = await applyVoucherRows(ctx, job.rows, (row) => importRow(ctx, job.campaign_id, row), describe);
  return { message: summarize(outcome.done_count, outcome.failed_count, 'imported'), ...outcome };
};
