import { invalidPayload, notFound } from '../../domain/errors.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { VoucherType } from '../../domain/vouchers/voucher.js';
import type { ProjectContext } from '../context.js';
import { readRuleIds, replaceRules } from '../validation-rules/object-rule-assignments.js';
import type { VoucherView } from '../views/voucher-view.js';
import {
  applyVoucherChanges,
  assertVoucherComplete,
  readVoucherChanges,
  type VoucherFieldsInput,
} from './voucher-fields.js';
import { getVoucherByRef, viewVoucher } from './voucher-queries.js';

export interface VoucherUpdateInput extends VoucherFieldsInput {
  type?: VoucherType | null;
  validation_rules?: string[] | null;
}

/**
 * PUT /vouchers/{code}: sets the given fields and leaves the rest. The code and type stay; in a
 * campaign, a field set to null takes the campaign's value again. `validation_rules`, which
 * Voucherify's spec has on create only, replaces the voucher's own rules when sent (null: none).
 */
export function updateVoucher(ctx: ProjectContext, ref: string, input: VoucherUpdateInput): Promise<VoucherView> {
  return ctx.store.transaction(async (store) => {
    const voucher = await getVoucherByRef(store, ctx.project, ref);
    const view = await viewVoucher(store, voucher);
    const type = resolveVoucher(voucher, view.campaign).type;
    if (input.type && input.type !== type) throw invalidPayload(`Property .type cannot change from ${type}`);
    const ruleIds = input.validation_rules === undefined ? undefined : await readRuleIds(store, input.validation_rules);
    const updated = applyVoucherChanges(voucher, await readVoucherChanges(store, input), ctx.clock.now().toISOString());
    assertVoucherComplete(updated, view.campaign);
    await store.vouchers.update(updated);
    if (ruleIds !== undefined) {
      // Read again now that the update holds the row: a voucher deleted meanwhile gets no rules.
      if (!(await store.vouchers.findById(updated.id))) throw notFound('voucher', ref);
      await replaceRules(ctx, store, { type: 'voucher', id: updated.id }, ruleIds);
    }
    return viewVoucher(store, updated);
  });
}
