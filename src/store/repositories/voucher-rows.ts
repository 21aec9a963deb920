import type { Selectable } from 'kysely';
import type { NewVoucher } from '../../app/repositories/voucher-repository.js';
import type { Voucher, VoucherType } from '../../domain/vouchers/voucher.js';
import { fromJson, toJson } from '../json-columns.js';
import type { VouchersTable } from '../tables.js';

/** How a voucher is written to and read from its row: flags as 0/1, objects as JSON text. */

function toFlag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toJson(value);
}

export function toVoucher(row: Selectable<VouchersTable>): Voucher {
  return {
    id: row.id,
    code: row.code,
    campaign_id: row.campaign_id,
    category_id: row.category_id,
    type: row.type as VoucherType | null,
    discount: fromJson(row.discount, null),
    gift: fromJson(row.gift, null),
    loyalty_card: fromJson(row.loyalty_card, null),
    start_date: row.start_date,
    expiration_date: row.expiration_date,
    validity_timeframe: fromJson(row.validity_timeframe, null),
    validity_day_of_week: fromJson(row.validity_day_of_week, null),
    validity_hours: fromJson(row.validity_hours, null),
    redemption_quantity: row.redemption_quantity,
    is_referral_code: row.is_referral_code === null ? null : row.is_referral_code === 1,
    active: row.active === null ? null : row.active === 1,
    additional_info: row.additional_info,
    metadata: fromJson(row.metadata, {}),
    holder_id: row.holder_id,
    referrer_id: row.referrer_id,
    redeemed_quantity: Number(row.redeemed_quantity),
    publish_count: Number(row.publish_count),
    reserved_until: row.reserved_until,
    gift_balance: row.gift_balance === null ? null : Number(row.gift_balance),
    gift_total: row.gift_total === null ? null : Number(row.gift_total),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toRow({ voucher, codeKey }: NewVoucher, projectId: string) {
  return {
    id: voucher.id,
    project_id: projectId,
    code: voucher.code,
    code_key: codeKey,
    campaign_id: voucher.campaign_id,
    category_id: voucher.category_id,
    type: voucher.type,
    discount: jsonOrNull(voucher.discount),
    gift: jsonOrNull(voucher.gift),
    loyalty_card: jsonOrNull(voucher.loyalty_card),
    start_date: voucher.start_date,
    expiration_date: voucher.expiration_date,
    validity_timeframe: jsonOrNull(voucher.validity_timeframe),
    validity_day_of_week: jsonOrNull(voucher.validity_day_of_week),
    validity_hours: jsonOrNull(voucher.validity_hours),
    active: toFlag(voucher.active),
    additional_info: voucher.additional_info,
    // Empty metadata is stored as null: generated codes then cost no JSON at all.
    metadata: Object.keys(voucher.metadata).length === 0 ? null : toJson(voucher.metadata),
    is_referral_code: toFlag(voucher.is_referral_code),
    holder_id: voucher.holder_id,
    referrer_id: voucher.referrer_id,
    redemption_quantity: voucher.redemption_quantity,
    redeemed_quantity: voucher.redeemed_quantity,
    // A voucher is stored with uses only when it is imported with them.
    imported_redeemed_quantity: voucher.redeemed_quantity,
    publish_count: voucher.publish_count,
    created_at: voucher.created_at,
    updated_at: voucher.updated_at,
    deleted_at: null,
  };
}
