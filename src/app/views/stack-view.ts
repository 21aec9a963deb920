import { AppError } from '../../domain/errors.js';
import { toApplicableToLists } from '../../domain/rules/applicable-items.js';
import { toSessionObject } from '../../domain/sessions/validation-session.js';
import type { AppliedStep } from '../../domain/stacking/apply-stack.js';
import { SKIP_MESSAGES } from '../../domain/stacking/plan-stack.js';
import { type StackingRules, stackingRulesTypeOf } from '../../domain/stacking/stacking-rules.js';
import type { JudgedEntry } from '../stacking/judge-stack-entries.js';
import type { StackEntry } from '../stacking/load-stack-entries.js';
import type { ExpandOption } from '../stacking/stack-request.js';
import { toStackingRulesObject } from '../stacking/stacking-rules-view.js';
import type { StackValidation } from '../stacking/validate-stack.js';
import { toCalculatedOrderObject } from './calculated-order-view.js';
import { toCategoryObject } from './category-view.js';
import { toErrorObject } from './error-view.js';

const EMPTY_LIST = { object: 'list' as const, data_ref: 'data' as const, data: [], total: 0 };

export interface StackViewContext {
  rules: StackingRules;
  requestId: string;
  expand: readonly ExpandOption[];
}

/** The campaign and name `options.expand: ["redeemable"]` adds, with the redeemable's metadata. */
function expandedRedeemable(entry: StackEntry): Record<string, unknown> {
  const { source } = entry;
  switch (source.kind) {
    case 'voucher': {
      const { campaign, stored } = source.voucher;
      return {
        metadata: stored.metadata,
        ...(campaign ? { campaign_name: campaign.name, campaign_id: campaign.id } : {}),
      };
    }
    case 'promotion_tier':
      return {
        metadata: source.tier.metadata,
        campaign_name: source.campaign.name,
        campaign_id: source.campaign.id,
        name: source.tier.name,
      };
    case 'unknown':
      return {};
  }
}

function commonFields(entry: StackEntry, context: StackViewContext) {
  return {
    id: entry.id,
    object: entry.object,
    ...(context.expand.includes('redeemable') ? expandedRedeemable(entry) : {}),
    categories: entry.categories.map((category) =>
      toCategoryObject(category, stackingRulesTypeOf(category.id, context.rules)),
    ),
  };
}

/** One redeemable as stacked validations and redemptions list it, by its status. */
export function toStackRedeemableObject(step: AppliedStep<JudgedEntry>, context: StackViewContext) {
  const judged = step.redeemable;
  const common = commonFields(judged.entry, context);
  switch (step.status) {
    case 'APPLICABLE': {
      const { rules } = judged;
      const lists = rules?.applicableTo
        ? toApplicableToLists(
            rules.applicableTo,
            step.order ? { items: step.order.items, targets: rules.targets } : undefined,
          )
        : { applicable_to: EMPTY_LIST, inapplicable_to: EMPTY_LIST };
      return {
        status: 'APPLICABLE' as const,
        ...common,
        ...(step.order ? { order: toCalculatedOrderObject(step.order) } : {}),
        ...lists,
        // A gift card's result is its balance (before this request) and the credits it takes.
        result: judged.gift
          ? { gift: { balance: judged.gift.balance, credits: step.gift_credits ?? 0 } }
          : judged.discount
            ? { discount: judged.discount }
            : {},
      };
    }
    case 'INAPPLICABLE': {
      const error = judged.error ?? new AppError('invalid_redeemables');
      return {
        status: 'INAPPLICABLE' as const,
        ...common,
        result: {
          error: toErrorObject(error, context.requestId),
          details: { key: error.key, message: error.message },
        },
      };
    }
    case 'SKIPPED':
      return {
        status: 'SKIPPED' as const,
        ...common,
        result: { details: { key: step.reason, message: SKIP_MESSAGES[step.reason] } },
      };
  }
}

export type StackRedeemableObject = ReturnType<typeof toStackRedeemableObject>;

/**
 * The three lists answers carry: `redeemables` holds every redeemable in ALL mode (with its
 * status) but only the applicable ones in PARTIAL mode, as the spec says; the other two hold
 * the inapplicable and skipped ones in either mode.
 */
export function toStackLists(steps: readonly AppliedStep<JudgedEntry>[], context: StackViewContext) {
  const objects = steps.map((step) => toStackRedeemableObject(step, context));
  const partial = context.rules.redeemables_application_mode === 'PARTIAL';
  return {
    redeemables: partial ? objects.filter((object) => object.status === 'APPLICABLE') : objects,
    skipped_redeemables: objects.filter((object) => object.status === 'SKIPPED'),
    inapplicable_redeemables: objects.filter((object) => object.status === 'INAPPLICABLE'),
  };
}

/** The `POST /validations` answer. `id` is the validation's own; nothing is stored under it. */
export function toStackValidationObject(
  validation: StackValidation,
  context: StackViewContext & { id: string; trackingId: string | null },
) {
  const { outcome } = validation;
  return {
    id: context.id,
    valid: outcome.valid,
    ...toStackLists(outcome.steps, context),
    ...(outcome.order ? { order: toCalculatedOrderObject(outcome.order) } : {}),
    ...(context.trackingId ? { tracking_id: context.trackingId } : {}),
    ...(validation.session ? { session: toSessionObject(validation.session) } : {}),
    stacking_rules: toStackingRulesObject(undefined, validation.rules),
  };
}
