import type { AsyncActionType } from '../../domain/async-actions/async-action.js';
import { runCustomersBulkUpdate, runCustomersMetadataUpdate } from '../customers/bulk-update-customers.js';
import { runCustomersCsvImport } from '../customers/import-customers-csv.js';
import type { AsyncActionHandler } from './async-action-handler.js';

/** Which use case carries out each kind of queued action. */
export const ASYNC_ACTION_HANDLERS: Partial<Record<AsyncActionType, AsyncActionHandler>> = {
  'CUSTOMERS.BULK_UPDATE': runCustomersBulkUpdate,
  'CUSTOMERS.METADATA_UPDATE': runCustomersMetadataUpdate,
  'CUSTOMERS.IMPORT_CSV': runCustomersCsvImport,
};
