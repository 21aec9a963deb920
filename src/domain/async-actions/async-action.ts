export const ASYNC_ACTION_TYPES = [
  'CUSTOMERS.IMPORT_CSV',
  'CUSTOMERS.BULK_UPDATE',
  'CUSTOMERS.METADATA_UPDATE',
  'PRODUCTS.BULK_UPDATE',
  'PRODUCTS.METADATA_UPDATE',
  'PRODUCTS.IMPORT_CSV',
  'SKUS.IMPORT_CSV',
  'ORDERS.IMPORT',
  'CAMPAIGN.VOUCHERS_GENERATE',
  'CAMPAIGN.VOUCHERS_DELETE',
  'CAMPAIGN.VOUCHERS_IMPORT',
  'CAMPAIGN.VOUCHERS_IMPORT_CSV',
  'VOUCHERS.IMPORT',
  'VOUCHERS.IMPORT_CSV',
  'VOUCHERS.BULK_UPDATE',
  'VOUCHERS.METADATA_UPDATE',
] as const;
export type AsyncActionType = (typeof ASYNC_ACTION_TYPES)[number];

export type AsyncActionStatus = 'ENQUEUED' | 'IN_PROGRESS' | 'DONE' | 'FAILED';

/** One row of a bulk job that could not be applied. */
export interface AsyncActionFailure {
  source_id?: string;
  row?: number;
  code?: string;
  reason: string;
}

/** What a finished bulk job reports, in Voucherify's `result` shape. */
export interface AsyncActionResult {
  message: string;
  done_count: number;
  failed_count: number;
  failed: AsyncActionFailure[];
  /** Per-row outcome of upserting bulk updates: found (existed) and updated. */
  results?: { source_id: string; found: boolean; updated: boolean }[];
}

export interface AsyncAction {
  id: string;
  type: AsyncActionType;
  status: AsyncActionStatus;
  operation_status: 'SUCCESS' | 'FAILED' | 'UNKNOWN' | null;
  payload: unknown;
  result: AsyncActionResult | null;
  /** 0..100. */
  progress: number;
  /** Milliseconds from start to finish. */
  processing_time: number | null;
  request_id: string | null;
  attempts: number;
  created_at: string;
  updated_at: string | null;
}
