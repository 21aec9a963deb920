/**
 * The closed set of error keys Vouch answers with, each with its HTTP status and Voucherify's
 * message. Keys and messages follow Voucherify's API so clients that match on them keep working.
 */
export const ERROR_CATALOG = {
  invalid_payload: { code: 400, message: 'Invalid payload' },
  invalid_query_params: { code: 400, message: 'Invalid query params' },
  missing_param: { code: 400, message: 'Missing required parameter' },
  page_over_limit: { code: 400, message: 'Page over limit' },
  invalid_csv_file: { code: 400, message: 'Invalid CSV file' },
  resource_in_use: { code: 400, message: 'Resource in use' },
  invalid_product_collection: { code: 400, message: 'Invalid product collection' },
  invalid_validation_rules: { code: 400, message: 'Invalid validation rules' },
  metadata_validation_failed: { code: 400, message: 'Metadata validation failed' },
  // Why a voucher cannot be used: validation answers them as data, redemption as a 400.
  voucher_disabled: { code: 400, message: 'voucher is disabled' },
  voucher_not_active: { code: 400, message: 'voucher not active yet' },
  voucher_expired: { code: 400, message: 'voucher expired' },
  voucher_not_active_now: { code: 400, message: 'voucher not active now' },
  quantity_exceeded: { code: 400, message: 'quantity exceeded' },
  gift_amount_exceeded: { code: 400, message: 'gift amount exceeded' },
  invalid_voucher: { code: 400, message: 'Invalid voucher' },
  promotion_inactive: { code: 400, message: 'Inactive Promotion' },
  promotion_not_active_now: { code: 400, message: 'Promotion not active now' },
  customer_rules_violated: { code: 400, message: 'customer does not match segment rules' },
  order_rules_violated: { code: 400, message: 'order does not match validation rules' },
  redemption_rules_violated: { code: 400, message: 'redemption does not match validation rules' },
  missing_order: { code: 400, message: 'Missing order' },
  missing_order_items_amount: { code: 400, message: 'Missing applicable order items' },
  duplicated_redeemables: { code: 400, message: 'Duplicated redeemables' },
  invalid_redeemables: { code: 400, message: 'Invalid redeemables' },
  already_rolled_back: { code: 400, message: 'Redemption has already been rolled back' },
  invalid_redemption: { code: 400, message: 'Invalid redemption' },
  invalid_redemption_parent: { code: 400, message: 'Invalid redemption parent' },
  no_voucher_suitable_for_publication: { code: 400, message: "Couldn't find any voucher suitable for publication" },
  voucher_already_published: { code: 400, message: 'Voucher already published' },
  referrer_not_permitted_to_redeem: { code: 400, message: 'Referrer not permitted to redeem' },
  missing_customer: { code: 400, message: 'Missing customer' },
  idempotency_key_reused: { code: 409, message: 'Idempotency key already used for another request' },
  unauthorized: { code: 401, message: 'Unauthorized' },
  forbidden: { code: 403, message: 'Forbidden' },
  missing_required_feature: { code: 403, message: 'Missing required feature' },
  not_found: { code: 404, message: 'Resource not found' },
  method_not_allowed: { code: 405, message: 'Method not allowed' },
  duplicate_found: { code: 409, message: 'Duplicated resource found' },
  duplicate_source_id: { code: 409, message: 'Duplicated source_id' },
  payload_too_large: { code: 413, message: 'Payload too large' },
  unsupported_media_type: { code: 415, message: 'Unsupported media type' },
  too_many_requests: { code: 429, message: 'Too many requests' },
  internal_error: { code: 500, message: 'Internal server error' },
  service_unavailable: { code: 503, message: 'Service unavailable' },
} as const satisfies Record<string, { code: number; message: string }>;

export type ErrorKey = keyof typeof ERROR_CATALOG;

export interface ErrorFields {
  details?: string;
  message?: string;
  resource_id?: string;
  resource_type?: string;
}

/** The one error type every ring throws; the HTTP layer writes it as Voucherify's error object. */
export class AppError extends Error {
  readonly key: ErrorKey;
  readonly code: number;
  readonly details: string | undefined;
  readonly resourceId: string | undefined;
  readonly resourceType: string | undefined;

  constructor(key: ErrorKey, fields: ErrorFields = {}) {
    super(fields.message ?? ERROR_CATALOG[key].message);
    this.name = 'AppError';
    this.key = key;
    this.code = ERROR_CATALOG[key].code;
    this.details = fields.details;
    this.resourceId = fields.resource_id;
    this.resourceType = fields.resource_type;
  }
}

/** Voucherify's 404 for a named resource: `Cannot find customer with id cust_123`. */
export function notFound(resourceType: string, id: string): AppError {
  return new AppError('not_found', {
    details: `Cannot find ${resourceType} with id ${id}`,
    resource_id: id,
    resource_type: resourceType,
  });
}

export function invalidPayload(details: string): AppError {
  return new AppError('invalid_payload', { details });
}
