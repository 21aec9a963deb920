import { codeKey } from '../../domain/vouchers/code-key.js';
import type { ProjectContext } from '../context.js';
import type { RedeemableRef } from './stack-request.js';

/** How many of the request's voucher codes exist in no form: what a storefront's guess counts. */
export async function countUnknownCodes(ctx: ProjectContext, refs: readonly RedeemableRef[]): Promise<number> {
  let unknown = 0;
  for (const ref of refs) {
    if (ref.object !== 'voucher') continue;
    const key = codeKey(ref.id, ctx.project.settings.case_sensitive_codes);
    if (!(await ctx.store.vouchers.findByCodeKey(key))) unknown++;
  }
  return unknown;
}
