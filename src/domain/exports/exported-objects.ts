import { invalidPayload } from '../errors.js';

/** What Voucherify's `POST /exports` can export, as its spec lists them. */
export const EXPORTED_OBJECTS = [
  'voucher',
  'redemption',
  'customer',
  'publication',
  'order',
  'points_expiration',
  'voucher_transactions',
] as const;
export type ExportedObject = (typeof EXPORTED_OBJECTS)[number];

/** The kinds `POST /exports` makes today. */
export const SUPPORTED_EXPORTED_OBJECTS = ['voucher'] as const;
export type SupportedExportedObject = (typeof SUPPORTED_EXPORTED_OBJECTS)[number];

/**
 * The kind asked for, when `POST /exports` makes it. A kind Vouch does not export yet is refused
 * with a 400 that says so, rather than answered with a file that would be empty or wrong.
 */
export function checkExportedObject(raw: string): SupportedExportedObject {
  if (raw === 'voucher') return raw;
  if (raw === 'voucher_transactions') {
    throw invalidPayload(
      "A gift card's transactions are exported with POST /v1/vouchers/{code}/transactions/export; POST /v1/exports exports voucher only",
    );
  }
  if ((EXPORTED_OBJECTS as readonly string[]).includes(raw)) {
    throw invalidPayload(`Exporting ${raw} is not supported yet; supported: ${SUPPORTED_EXPORTED_OBJECTS.join(', ')}`);
  }
  throw invalidPayload(
    `Property .exported_object should be one of ${EXPORTED_OBJECTS.join(', ')} (supported: ${SUPPORTED_EXPORTED_OBJECTS.join(', ')})`,
  );
}
