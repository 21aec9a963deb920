import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { VoucherExportParameters } from '../../domain/exports/voucher-export-parameters.js';
import { type VoucherExportFacts, voucherExportRow } from '../../domain/exports/voucher-export-row.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectStore } from '../ports.js';
import type { VoucherExport } from '../repositories/export-repository.js';
import type { VoucherAssetLinks } from '../views/voucher-view.js';

/** Vouchers read per query: the file streams out page by page, never whole in memory. */
export const VOUCHER_EXPORT_PAGE = 500;

function orderOf(order: VoucherExportParameters['order']) {
  const field = order.replace(/^-/, '') as 'created_at' | 'updated_at' | 'code';
  return { field, direction: order.startsWith('-') ? ('desc' as const) : ('asc' as const) };
}

/** Looks each id up once for the whole export: an export's vouchers share a few campaigns and categories. */
function memoize<T>(load: (id: string) => Promise<T | undefined>) {
  const seen = new Map<string, T | null>();
  return async (id: string | null): Promise<T | null> => {
    if (id === null) return null;
    if (!seen.has(id)) seen.set(id, (await load(id)) ?? null);
    return seen.get(id) ?? null;
  };
}

/** What a page's rows show beside each voucher, loaded for the whole page at once, and only for the fields asked. */
async function factsOf(
  store: ProjectStore,
  page: readonly Voucher[],
  fields: ReadonlySet<string>,
  lookups: {
    campaign: (id: string | null) => Promise<Campaign | null>;
    categoryName: (id: string | null) => Promise<string | null>;
  },
  assets: VoucherAssetLinks,
): Promise<VoucherExportFacts[]> {
  const holderIds = [...new Set(page.flatMap((v) => (v.holder_id ? [v.holder_id] : [])))];
  const sourceIds = new Map<string, string | null>();
  if (fields.has('customer_source_id') && holderIds.length > 0) {
    for (const customer of await store.customers.findManyByIds(holderIds))
      sourceIds.set(customer.id, customer.source_id);
  }
  const ruleIds = new Map<string, string[]>();
  if (fields.has('validation_rules_id')) {
    const assignments = await store.validationRuleAssignments.listForObjects(
      'voucher',
      page.map((v) => v.id),
    );
    for (const a of assignments)
      ruleIds.set(a.related_object_id, [...(ruleIds.get(a.related_object_id) ?? []), a.rule_id]);
  }
  const facts: VoucherExportFacts[] = [];
  for (const voucher of page) {
    const campaign = await lookups.campaign(voucher.campaign_id);
    const links = fields.has('qr_code') || fields.has('bar_code') ? assets(voucher.code) : null;
    facts.push({
      voucher,
      campaign,
      categoryName: fields.has('category')
        ? await lookups.categoryName(voucher.category_id ?? campaign?.category_id ?? null)
        : null,
      customerSourceId: voucher.holder_id ? (sourceIds.get(voucher.holder_id) ?? null) : null,
      validationRuleIds: ruleIds.get(voucher.id) ?? [],
      qrUrl: links?.qr.url ?? '',
      barcodeUrl: links?.barcode.url ?? '',
    });
  }
  return facts;
}

/**
 * The export's CSV records: the header of its fields, then one row per live voucher it selects,
 * created up to the export's creation, in its order. Reads one page at a time, keyset after the
 * last voucher, so memory stays flat however many codes there are.
 */
export async function* voucherExportRows(
  store: ProjectStore,
  record: VoucherExport,
  assets: VoucherAssetLinks,
): AsyncGenerator<string[]> {
  const { fields, campaign_ids: campaignIds } = record.parameters;
  yield [...fields];
  const wanted = new Set<string>(fields);
  const lookups = {
    campaign: memoize((id) => store.campaigns.findStoredById(id)),
    categoryName: memoize(async (id) => (await store.categories.findById(id))?.name),
  };
  const order = orderOf(record.parameters.order);
  let after: Voucher | undefined;
  for (;;) {
    const page = await store.vouchers.listForExport({
      campaignIds,
      createdUntil: record.created_at,
      order,
      ...(after ? { after } : {}),
      limit: VOUCHER_EXPORT_PAGE,
    });
    for (const facts of await factsOf(store, page, wanted, lookups, assets)) yield voucherExportRow(facts, fields);
    if (page.length < VOUCHER_EXPORT_PAGE) return;
    after = page.at(-1);
  }
}
