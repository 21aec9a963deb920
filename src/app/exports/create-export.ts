import { notFound } from '../../domain/errors.js';
import { checkExportedObject } from '../../domain/exports/exported-objects.js';
import {
  parseVoucherExportParameters,
  type VoucherExportRequest,
} from '../../domain/exports/voucher-export-parameters.js';
import type { ProjectContext } from '../context.js';
import type { VoucherExport } from '../repositories/export-repository.js';

export interface ExportRequest {
  exported_object: string;
  parameters?: VoucherExportRequest | null;
}

/**
 * POST /exports: checks what is asked, records it and answers it SCHEDULED, as Voucherify does.
 * The file is rendered from the vouchers when it is downloaded, holding those created up to the
 * export's creation; campaigns it names must exist, so a typo is a 404 rather than an empty file.
 */
export async function createExport(ctx: ProjectContext, request: ExportRequest): Promise<VoucherExport> {
  const exportedObject = checkExportedObject(request.exported_object);
  const parameters = parseVoucherExportParameters(request.parameters);
  for (const id of parameters.campaign_ids ?? []) {
    if (!(await ctx.store.campaigns.findById(id))) throw notFound('campaign', id);
  }
  const record: VoucherExport = {
    id: ctx.ids.newId('exp_'),
    exported_object: exportedObject,
    parameters,
    token: ctx.ids.newSecret(),
    channel: 'API',
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.store.exports.insert(record);
  return record;
}
