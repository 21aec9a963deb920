import { AppError, invalidPayload, notFound } from '../../domain/errors.js';
import type { RelatedObjectType, ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { findVoucherByRef } from '../vouchers/voucher-queries.js';
import { getValidationRuleIn } from './validation-rule-queries.js';

/**
 * Both bodies clients send: the SDK 2.9 one (`{voucher: "CODE"}`, `{campaign: "camp_…"}`,
 * `{promotion_tier: "promo_…"}`) and the spec's (`{related_object_type, related_object_id}`).
 */
export interface AssignmentInput {
  voucher?: string;
  campaign?: string;
  promotion_tier?: string;
  related_object_type?: RelatedObjectType;
  related_object_id?: string;
}

export interface AssignmentOptions {
  /** Voucherify's `force`: an existing identical assignment is replaced instead of refused. */
  force?: boolean;
}

interface RequestedTarget {
  type: RelatedObjectType;
  ref: string;
}

function requestedTarget(input: AssignmentInput): RequestedTarget {
  const named: RequestedTarget[] = [];
  if (input.voucher !== undefined) named.push({ type: 'voucher', ref: input.voucher });
  if (input.campaign !== undefined) named.push({ type: 'campaign', ref: input.campaign });
  if (input.promotion_tier !== undefined) named.push({ type: 'promotion_tier', ref: input.promotion_tier });
  if (input.related_object_type !== undefined || input.related_object_id !== undefined) {
    if (input.related_object_type === undefined || input.related_object_id === undefined) {
      throw invalidPayload('related_object_type and related_object_id go together');
    }
    named.push({ type: input.related_object_type, ref: input.related_object_id });
  }
  const [target, ...others] = named;
  if (target === undefined || others.length > 0) {
    throw invalidPayload(
      'Name exactly one object: voucher, campaign or promotion_tier, or related_object_type with related_object_id',
    );
  }
  return target;
}

/** The id of the object the client named; vouchers go by id or code, campaigns by id or name. */
async function resolveTarget(ctx: ProjectContext, store: ProjectStore, target: RequestedTarget): Promise<string> {
  if (target.type === 'voucher') {
    const voucher = await findVoucherByRef(store, ctx.project, target.ref);
    if (voucher) return voucher.id;
  } else if (target.type === 'campaign') {
    const campaign = await store.campaigns.findByRef(target.ref);
    if (campaign) return campaign.id;
  } else if (target.type === 'promotion_tier') {
    const tier = await store.promotionTiers.findById(target.ref);
    if (tier) return tier.id;
  }
  // Earning rules, distributions and reward assignments do not exist in Vouch yet.
  throw notFound(target.type, target.ref);
}

/** POST /validation-rules/{id}/assignments: the rule and the object must exist; a rule is assigned to an object once. */
export function createValidationRuleAssignment(
  ctx: ProjectContext,
  ruleId: string,
  input: AssignmentInput,
  options: AssignmentOptions = {},
): Promise<ValidationRuleAssignment> {
  const target = requestedTarget(input);
  return ctx.store.transaction(async (store) => {
    await getValidationRuleIn(store, ruleId);
    const assignment: ValidationRuleAssignment = {
      id: ctx.ids.newId('asgm_'),
      rule_id: ruleId,
      related_object_type: target.type,
      related_object_id: await resolveTarget(ctx, store, target),
      created_at: ctx.clock.now().toISOString(),
    };
    if (options.force) await store.validationRuleAssignments.deleteTarget(assignment);
    if (!(await store.validationRuleAssignments.insert(assignment))) {
      throw new AppError('duplicate_found', {
        details: `Validation rule ${ruleId} is already assigned to ${target.type} ${assignment.related_object_id}`,
      });
    }
    if (assignment.related_object_type !== 'voucher') await store.promotionIndex.raiseVersion();
    return assignment;
  });
}
