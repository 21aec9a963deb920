import type { Campaign } from '../campaigns/campaign.js';
import type { Discount } from '../discounts/discount.js';
import { giftStateOf } from '../gift-cards/gift-card.js';
import { resolveVoucher } from '../vouchers/resolve-voucher.js';
import type { EffectiveVoucher, Voucher } from '../vouchers/voucher.js';
import { neutralizeFormula } from './csv-cell.js';
import type { VoucherExportField } from './voucher-export-parameters.js';

/** A voucher with what its export row shows beside it. */
export interface VoucherExportFacts {
  voucher: Voucher;
  campaign: Campaign | null;
  categoryName: string | null;
  customerSourceId: string | null;
  validationRuleIds: readonly string[];
  qrUrl: string;
  barcodeUrl: string;
}

type Cell = string | number | boolean | null | undefined;

/** A cell as Voucherify writes it: amounts in minor units, booleans as true/false, nothing as empty. */
function toCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  return neutralizeFormula(String(value));
}

function discountValue(discount: Discount | null): number | null {
  switch (discount?.type) {
    case 'AMOUNT':
      return discount.amount_off;
    case 'PERCENT':
      return discount.percent_off;
    case 'FIXED':
      return discount.fixed_amount;
    case 'UNIT':
      return discount.effect === 'ADD_MANY_ITEMS' ? null : discount.unit_off;
    default:
      return null;
  }
}

function discountFormula(discount: Discount | null): string | null {
  switch (discount?.type) {
    case 'AMOUNT':
      return discount.amount_off_formula ?? null;
    case 'PERCENT':
      return discount.percent_off_formula ?? null;
    case 'FIXED':
      return discount.fixed_amount_formula ?? null;
    case 'UNIT':
      return discount.effect === 'ADD_MANY_ITEMS' ? null : (discount.unit_off_formula ?? null);
    default:
      return null;
  }
}

/** A gift card's credits left; undefined for any other voucher. */
function giftBalance(v: EffectiveVoucher, stored: Voucher): number | undefined {
  return v.type === 'GIFT_VOUCHER' && v.gift ? giftStateOf(v.gift, stored).balance : undefined;
}

/** The voucher's value: the discount's amount, percent or units, a gift card's balance, a loyalty card's points. */
function voucherValue(v: EffectiveVoucher, stored: Voucher): number | null | undefined {
  if (v.type === 'GIFT_VOUCHER') return giftBalance(v, stored);
  if (v.type === 'LOYALTY_CARD') return v.loyalty_card?.points;
  return discountValue(v.discount);
}

function cellOf(field: VoucherExportField, v: EffectiveVoucher, facts: VoucherExportFacts): Cell {
  const discount = v.discount;
  switch (field) {
    case 'voucher_type':
      return v.type;
    case 'value':
      return voucherValue(v, facts.voucher);
    case 'formula':
      return discountFormula(discount);
    case 'discount_type':
      return discount?.type;
    case 'campaign':
      return facts.campaign?.name;
    case 'category':
      return facts.categoryName;
    case 'gift_balance':
      return giftBalance(v, facts.voucher);
    case 'loyalty_balance':
      return v.loyalty_card?.points;
    case 'redemption_count':
      return v.redeemed_quantity;
    case 'qr_code':
      return facts.qrUrl;
    case 'bar_code':
      return facts.barcodeUrl;
    case 'metadata':
      return JSON.stringify(v.metadata);
    case 'validity_timeframe_interval':
      return v.validity_timeframe?.interval;
    case 'validity_timeframe_duration':
      return v.validity_timeframe?.duration;
    case 'validity_day_of_week':
      return v.validity_day_of_week?.join(',');
    case 'discount_amount_limit':
      return discount?.type === 'PERCENT' ? discount.amount_limit : undefined;
    case 'customer_id':
      return v.holder_id;
    case 'discount_effect':
      return discount?.effect;
    case 'discount_unit_type':
      return discount?.type === 'UNIT' && discount.effect !== 'ADD_MANY_ITEMS' ? discount.unit_type : undefined;
    case 'discount_unit_effect':
      return discount?.type === 'UNIT' ? discount.effect : undefined;
    case 'validation_rules_id':
      return facts.validationRuleIds.join(',');
    case 'customer_source_id':
      return facts.customerSourceId;
    default:
      // code, id, campaign_id, start_date, expiration_date, redemption_quantity, active,
      // is_referral_code, additional_info, created_at, updated_at: the voucher's own, as in force.
      return v[field];
  }
}

/** One CSV row's cells, in the export's field order, with the values in force (the voucher's own over its campaign's). */
export function voucherExportRow(facts: VoucherExportFacts, fields: readonly VoucherExportField[]): string[] {
  const v = resolveVoucher(facts.voucher, facts.campaign);
  return fields.map((field) => toCell(cellOf(field, v, facts)));
}
