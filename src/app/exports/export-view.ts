import type { ExportRecord } from '../repositories/export-repository.js';

/** What an export echoes of its parameters, in Voucherify's shape. */
function parametersOf(record: ExportRecord) {
  if (record.exported_object === 'voucher_transactions') {
    return {
      order: record.parameters.order,
      fields: record.parameters.fields,
      filters: { voucher_id: { conditions: { $in: [record.voucher_id] } } },
    };
  }
  const { order, fields, filters, campaign_id: campaignId } = record.parameters;
  return { order, fields, filters, ...(campaignId === null ? {} : { campaign_id: campaignId }) };
}

/**
 * Voucherify's export object: SCHEDULED with no result when created, DONE with its link when read
 * (the file is rendered on download, so it is ready as soon as the export exists).
 */
export function toExportObject(record: ExportRecord, download: { url: string } | null) {
  return {
    id: record.id,
    object: 'export' as const,
    created_at: record.created_at,
    status: download ? ('DONE' as const) : ('SCHEDULED' as const),
    channel: record.channel,
    exported_object: record.exported_object,
    parameters: parametersOf(record),
    result: download,
    user_id: null,
  };
}
