import { AppError } from '../../domain/errors.js';
import { toApplicableToLists } from '../../domain/rules/applicable-items.js';
import { toSessionObject } from '../../domain/sessions/validation-session.js';
import type { ValidationOutcome } from '../redemptions/validate-voucher.js';
import { toCalculatedOrderObject } from './calculated-order-view.js';
import { toErrorObject } from './error-view.js';

const EMPTY_LIST = { object: 'list' as const, data_ref: 'data' as const, data: [], total: 0 };

/**
 * The legacy validate answer: 200 either way; `valid: false` carries the reason in Voucherify's
 * words and the error object a shop can show.
 */
export function toValidationObject(
  outcome: ValidationOutcome,
  context: { code: string; trackingId: string | null; metadata: Record<string, unknown>; requestId: string },
) {
  const { voucher } = outcome;
  const common = {
    code: voucher.stored.code,
    ...(voucher.campaign ? { campaign: voucher.campaign.name, campaign_id: voucher.campaign.id } : {}),
    metadata: context.metadata,
    ...(context.trackingId ? { tracking_id: context.trackingId } : {}),
  };
  if (!outcome.valid) {
    const error = new AppError(outcome.reason, {
      details: context.code,
      ...(outcome.rule
        ? { message: outcome.rule.message, resource_id: outcome.rule.ruleId, resource_type: 'validation_rule' }
        : {}),
    });
    // `reason` is the refusal's standard wording; a rule's own message goes in the error a shop shows.
    const reason = new AppError(outcome.reason).message;
    return { valid: false as const, ...common, reason, error: toErrorObject(error, context.requestId) };
  }
  return {
    valid: true as const,
    ...common,
    ...(outcome.rules.applicableTo
      ? toApplicableToLists(
          outcome.rules.applicableTo,
          outcome.order ? { items: outcome.order.items, targets: outcome.rules.targets } : undefined,
        )
      : { applicable_to: EMPTY_LIST, inapplicable_to: EMPTY_LIST }),
    ...(outcome.discount ? { discount: outcome.discount } : {}),
    ...(outcome.gift && voucher.effective.gift
      ? {
          gift: {
            amount: voucher.stored.gift_total ?? voucher.effective.gift.amount,
            balance: outcome.gift.balance,
            ...(outcome.gift.credits !== null ? { credits: outcome.gift.credits } : {}),
            effect: voucher.effective.gift.effect ?? 'APPLY_TO_ORDER',
          },
        }
      : {}),
    ...(outcome.order ? { order: toCalculatedOrderObject(outcome.order) } : {}),
    ...(outcome.session ? { session: toSessionObject(outcome.session) } : {}),
  };
}
