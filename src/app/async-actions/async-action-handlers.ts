import type { AsyncActionType } from '../../domain/async-actions/async-action.js';
import { runCampaignVouchersDelete } from '../campaigns/delete-campaign.js';
import { runCampaignVouchersGenerate } from '../campaigns/generate-vouchers.js';
import { runCampaignVouchersImport } from '../campaigns/import-campaign-vouchers.js';
import { runCustomersBulkUpdate, runCustomersMetadataUpdate } from '../customers/bulk-update-customers.js';
import { runCustomersCsvImport } from '../customers/import-customers-csv.js';
import { runOrdersImport } from '../orders/import-orders.js';
import { runProductsBulkUpdate, runProductsMetadataUpdate } from '../products/bulk-update-products.js';
import { runProductsCsvImport } from '../products/import-products-csv.js';
import { runSkusCsvImport } from '../products/import-skus-csv.js';
import { runVouchersBulkUpdate, runVouchersMetadataUpdate } from '../vouchers/bulk-update-vouchers.js';
import { runVouchersImport } from '../vouchers/import-vouchers.js';
import { runVouchersCsvImport } from '../vouchers/import-vouchers-csv.js';
import type { AsyncActionHandler } from './async-action-handler.js';

/** Which use case carries out each kind of queued action. */
export const ASYNC_ACTION_HANDLERS: Partial<Record<AsyncActionType, AsyncActionHandler>> = {
  'CUSTOMERS.BULK_UPDATE': runCustomersBulkUpdate,
  'CUSTOMERS.METADATA_UPDATE': runCustomersMetadataUpdate,
  'CUSTOMERS.IMPORT_CSV': runCustomersCsvImport,
  'PRODUCTS.BULK_UPDATE': runProductsBulkUpdate,
  'PRODUCTS.METADATA_UPDATE': runProductsMetadataUpdate,
  'PRODUCTS.IMPORT_CSV': runProductsCsvImport,
  'SKUS.IMPORT_CSV': runSkusCsvImport,
  'ORDERS.IMPORT': runOrdersImport,
  'CAMPAIGN.VOUCHERS_GENERATE': runCampaignVouchersGenerate,
  'CAMPAIGN.VOUCHERS_DELETE': runCampaignVouchersDelete,
  'CAMPAIGN.VOUCHERS_IMPORT': runCampaignVouchersImport,
  'CAMPAIGN.VOUCHERS_IMPORT_CSV': runCampaignVouchersImport,
  'VOUCHERS.IMPORT': runVouchersImport,
  'VOUCHERS.IMPORT_CSV': runVouchersCsvImport,
  'VOUCHERS.BULK_UPDATE': runVouchersBulkUpdate,
  'VOUCHERS.METADATA_UPDATE': runVouchersMetadataUpdate,
};
