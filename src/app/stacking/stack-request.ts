import { AppError } from '../../domain/errors.js';
import { exceedsRedeemablesLimit } from '../../domain/stacking/plan-stack.js';
import type { StackingRules } from '../../domain/stacking/stacking-rules.js';
import type { VoucherRequest } from '../redemptions/voucher-request.js';

/** One redeemable a stacked request names. */
export type RedeemableRef =
  | { object: 'voucher'; id: string; gift?: { credits?: number | null } | null; reward?: unknown }
  | { object: 'promotion_tier'; id: string }
  | { object: 'promotion_stack'; id: string };

export const EXPAND_OPTIONS = ['order', 'redeemable', 'category', 'redemption'] as const;
export type ExpandOption = (typeof EXPAND_OPTIONS)[number];

/** `POST /validations` and `POST /redemptions`: up to 30 redeemables applied together to one order. */
export interface StackRequest extends VoucherRequest {
  redeemables: RedeemableRef[];
  options?: { expand?: ExpandOption[] | null } | null;
  session?: { type?: 'LOCK'; key?: string; ttl?: number; ttl_unit?: string } | null;
}

/**
 * What the request's redeemables may be before anything is read: within the project's
 * `redeemables_limit`, each named once, a promotion stack alone, and no loyalty reward (loyalty
 * cards come with the loyalty programs).
 */
export function checkStackRequest(request: StackRequest, rules: StackingRules): void {
  const { redeemables } = request;
  if (exceedsRedeemablesLimit(redeemables.length, rules)) {
    throw new AppError('invalid_redeemables', {
      details: `The project's stacking rules allow at most ${rules.redeemables_limit} redeemables in one request`,
    });
  }
  const seen = new Set<string>();
  for (const ref of redeemables) {
    const key = `${ref.object}:${ref.id}`;
    if (seen.has(key))
      throw new AppError('duplicated_redeemables', { details: `${ref.object} ${ref.id} is sent twice` });
    seen.add(key);
    if (ref.object === 'voucher' && ref.reward !== undefined && ref.reward !== null) {
      throw new AppError('missing_required_feature', {
        details: 'Loyalty rewards are not supported yet: send the voucher without `reward`',
      });
    }
  }
  if (redeemables.length > 1 && redeemables.some((ref) => ref.object === 'promotion_stack')) {
    throw new AppError('invalid_redeemables', {
      details: 'A promotion_stack must be the only redeemable of a request',
    });
  }
}

export function expands(request: StackRequest, option: ExpandOption): boolean {
  return request.options?.expand?.includes(option) ?? false;
}
