import type { Customer } from '../../domain/customers/customer.js';
import type { Publication } from '../../domain/publications/publication.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { WalletEntry } from '../publications/customer-wallet.js';
import type { ListedPublication, PublishedOutcome } from '../publications/publication-queries.js';
import type { VoucherObject, VoucherView } from './voucher-view.js';

/** Whatever shows a voucher object in this project's answers (it knows the asset links). */
export type PresentVoucher = (view: VoucherView) => VoucherObject;

/** The customer as a publication embeds it: who it is, and its details as stored. */
function toPublicationCustomer(customer: Customer | null, id: string) {
  if (!customer) return { id, object: 'customer' as const };
  const optional = Object.fromEntries(
    (['name', 'email'] as const).filter((field) => customer[field] !== null).map((field) => [field, customer[field]]),
  );
  return {
    id: customer.id,
    ...optional,
    source_id: customer.source_id,
    metadata: customer.metadata,
    object: 'customer' as const,
  };
}

function publicationBase(publication: Publication, customer: Customer | null) {
  return {
    id: publication.id,
    object: 'publication' as const,
    created_at: publication.created_at,
    customer_id: publication.customer_id,
    tracking_id: publication.tracking_id,
    metadata: publication.metadata,
    channel: publication.channel,
    source_id: publication.source_id,
    result: publication.result,
    customer: toPublicationCustomer(customer, publication.customer_id),
    vouchers_id: publication.voucher_ids,
  };
}

/**
 * The answer of POST /v1/publications: one code shows its whole voucher object, several show
 * their codes (`vouchers`), as Voucherify answers.
 */
export function toPublicationObject({ publication, customer, vouchers }: PublishedOutcome, present: PresentVoucher) {
  const base = publicationBase(publication, customer);
  const [only] = vouchers;
  if (publication.voucher_ids.length === 1 && only) return { ...base, voucher: present(only) };
  return { ...base, vouchers: publication.voucher_codes };
}

/** A publication in the list: its first code in brief, or every code when it handed out several. */
export function toListedPublicationObject({ publication, customer, voucher }: ListedPublication) {
  const base = publicationBase(publication, customer);
  if (publication.result === 'FAILURE') {
    return {
      ...base,
      failure_code: publication.failure_code,
      failure_message: publication.failure_message,
      vouchers: [],
    };
  }
  if (publication.voucher_ids.length !== 1 || !voucher) return { ...base, vouchers: publication.voucher_codes };
  const v = resolveVoucher(voucher.voucher, voucher.campaign);
  return {
    ...base,
    voucher: {
      code: v.code,
      object: 'voucher' as const,
      campaign: voucher.campaign?.name ?? null,
      ...(v.gift ? { gift: v.gift } : {}),
      loyalty_card: v.loyalty_card,
      ...(v.discount ? { discount: v.discount } : {}),
      is_referral_code: v.is_referral_code,
    },
  };
}

/** The holder entry id of a code in a wallet: one per voucher, derived so cursors can name it. */
export function walletEntryId(voucherId: string): string {
  return `rh_${voucherId}`;
}

/** One entry of GET /v1/customers/{id}/redeemables. */
export function toCustomerRedeemableObject(entry: WalletEntry, present: PresentVoucher) {
  const voucher = present(entry.view);
  return {
    id: walletEntryId(voucher.id),
    created_at: entry.view.voucher.updated_at ?? entry.view.voucher.created_at,
    redeemable_id: voucher.id,
    redeemable_object: 'voucher' as const,
    customer_id: entry.customerId,
    holder_role: 'OWNER' as const,
    campaign_id: voucher.campaign_id,
    campaign_type: entry.view.campaign?.campaign_type ?? null,
    voucher_type: voucher.type,
    redeemable: { type: 'voucher' as const, voucher, status: entry.status },
  };
}
