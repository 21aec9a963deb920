import { invalidPayload } from '../errors.js';

/** The columns a voucher export may have: the spec's ExportVoucherFields. */
export const VOUCHER_EXPORT_FIELDS = [
  'code',
  'voucher_type',
  'value',
  'formula',
  'discount_type',
  'campaign',
  'category',
  'start_date',
  'expiration_date',
  'gift_balance',
  'loyalty_balance',
  'redemption_quantity',
  'redemption_count',
  'active',
  'qr_code',
  'bar_code',
  'metadata',
  'id',
  'is_referral_code',
  'created_at',
  'updated_at',
  'validity_timeframe_interval',
  'validity_timeframe_duration',
  'validity_day_of_week',
  'discount_amount_limit',
  'campaign_id',
  'additional_info',
  'customer_id',
  'discount_effect',
  'discount_unit_type',
  'discount_unit_effect',
  'validation_rules_id',
  'customer_source_id',
] as const;
export type VoucherExportField = (typeof VOUCHER_EXPORT_FIELDS)[number];

/** The columns when none are asked for, as Voucherify's Create Export documents them. */
export const DEFAULT_VOUCHER_EXPORT_FIELDS: readonly VoucherExportField[] = [
  'code',
  'voucher_type',
  'value',
  'discount_type',
];

/** The spec's ExportVoucherOrder. */
export const VOUCHER_EXPORT_ORDERS = [
  '-created_at',
  'created_at',
  '-updated_at',
  'updated_at',
  '-code',
  'code',
] as const;
export type VoucherExportOrder = (typeof VOUCHER_EXPORT_ORDERS)[number];

/** A filter on the campaign, as the export echoes it. */
export interface CampaignCondition {
  conditions: { $in?: string[]; $is?: string };
}

/** The filters a voucher export understands, rebuilt from what was sent (nothing else is kept). */
export interface VoucherExportFilters {
  junction: 'and' | 'or';
  campaign_id?: CampaignCondition;
  campaign_ids?: CampaignCondition;
}

export interface VoucherExportParameters {
  order: VoucherExportOrder;
  fields: VoucherExportField[];
  filters: VoucherExportFilters;
  campaign_id: string | null;
  /** The campaigns whose vouchers are exported; null: every voucher of the project. */
  campaign_ids: string[] | null;
}

export interface VoucherExportRequest {
  order?: string | null;
  fields?: readonly string[] | null;
  filters?: Record<string, unknown> | null;
  campaign_id?: string | null;
}

const FILTER_KEYS = ['junction', 'campaign_id', 'campaign_ids'] as const;
const MAX_IDS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 500;
}

function intersect(a: string[] | null, b: string[]): string[] {
  return a === null ? b : a.filter((id) => b.includes(id));
}

/** One campaign filter: `{conditions: {$in: [ids]}}` and/or `{conditions: {$is: id}}`, both holding. */
function parseCampaignCondition(key: string, raw: unknown): { echo: CampaignCondition; ids: string[] } {
  const where = `Property .parameters.filters.${key}`;
  if (!isRecord(raw) || !isRecord(raw.conditions) || Object.keys(raw).some((k) => k !== 'conditions')) {
    throw invalidPayload(`${where} should be {"conditions": {"$in": [campaign ids]}} or {"conditions": {"$is": id}}`);
  }
  const echo: CampaignCondition = { conditions: {} };
  let ids: string[] | null = null;
  for (const [condition, value] of Object.entries(raw.conditions)) {
    if (condition === '$in') {
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IDS || !value.every(isId)) {
        throw invalidPayload(`${where}.conditions.$in should list 1 to ${MAX_IDS} campaign ids`);
      }
      echo.conditions.$in = [...new Set(value)];
      ids = intersect(ids, echo.conditions.$in);
    } else if (condition === '$is') {
      if (!isId(value)) throw invalidPayload(`${where}.conditions.$is should be a campaign id`);
      echo.conditions.$is = value;
      ids = intersect(ids, [value]);
    } else {
      throw invalidPayload(`${where}.conditions.${condition} is not supported yet; supported: $in, $is`);
    }
  }
  if (ids === null) throw invalidPayload(`${where}.conditions should hold $in or $is`);
  return { echo, ids };
}

/**
 * The campaigns selected by the filters: each campaign filter gives a set of campaigns, joined by
 * the junction; null when no filter names a campaign. Filters Vouch cannot apply yet are refused,
 * so an export never holds vouchers its filters were meant to leave out.
 */
function parseFilters(raw: Record<string, unknown> | null | undefined): {
  filters: VoucherExportFilters;
  ids: string[] | null;
} {
  const input = raw ?? {};
  for (const key of Object.keys(input)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw invalidPayload(
        `Property .parameters.filters.${key} is not supported yet; supported: ${FILTER_KEYS.join(', ')}`,
      );
    }
  }
  const junctionRaw = input.junction ?? 'and';
  if (typeof junctionRaw !== 'string' || !['and', 'or'].includes(junctionRaw.toLowerCase())) {
    throw invalidPayload('Property .parameters.filters.junction should be and or or');
  }
  const filters: VoucherExportFilters = { junction: junctionRaw.toLowerCase() as 'and' | 'or' };
  const sets: string[][] = [];
  for (const key of ['campaign_id', 'campaign_ids'] as const) {
    if (input[key] === undefined) continue;
    const { echo, ids } = parseCampaignCondition(key, input[key]);
    filters[key] = echo;
    sets.push(ids);
  }
  if (sets.length === 0) return { filters, ids: null };
  const ids =
    filters.junction === 'or'
      ? [...new Set(sets.flat())]
      : sets.slice(1).reduce((acc, set) => intersect(acc, set), sets[0] as string[]);
  return { filters, ids };
}

/** A voucher export's parameters as sent, checked; the documented default columns, newest first, when none are given. */
export function parseVoucherExportParameters(input: VoucherExportRequest | null | undefined): VoucherExportParameters {
  const order = input?.order ?? '-created_at';
  if (!(VOUCHER_EXPORT_ORDERS as readonly string[]).includes(order)) {
    throw invalidPayload(`Property .parameters.order should be one of ${VOUCHER_EXPORT_ORDERS.join(', ')}`);
  }
  const fields = input?.fields ?? DEFAULT_VOUCHER_EXPORT_FIELDS;
  if (fields.length === 0) throw invalidPayload('Property .parameters.fields should name at least one field');
  for (const field of fields) {
    if (!(VOUCHER_EXPORT_FIELDS as readonly string[]).includes(field)) {
      throw invalidPayload(
        `Property .parameters.fields holds ${field}, which is not a voucher export field; allowed: ${VOUCHER_EXPORT_FIELDS.join(', ')}`,
      );
    }
  }
  const { filters, ids } = parseFilters(input?.filters);
  const campaignId = input?.campaign_id ?? null;
  if (campaignId !== null && !isId(campaignId))
    throw invalidPayload('Property .parameters.campaign_id should be a campaign id');
  return {
    order: order as VoucherExportOrder,
    fields: [...new Set(fields)] as VoucherExportField[],
    filters,
    campaign_id: campaignId,
    campaign_ids: campaignId === null ? ids : intersect(ids, [campaignId]),
  };
}
