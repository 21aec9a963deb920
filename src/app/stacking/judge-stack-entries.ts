import { NO_TARGETS } from '../../domain/discounts/targets.js';
import { AppError } from '../../domain/errors.js';
import { evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import { evaluateVoucher, type RuleRefusal } from '../../domain/redemptions/evaluate-voucher.js';
import type { StackRedeemable } from '../../domain/stacking/apply-stack.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { loadDiscountCatalog } from '../redemptions/discount-catalog.js';
import {
  checkSubjectRules,
  openRuleFactsSession,
  type RuleRequestFacts,
  type VoucherRulesCheck,
} from '../redemptions/voucher-rules.js';
import type { StackEntry } from './load-stack-entries.js';

/** A redeemable after its own checks, ready for the stack: applicable with its discount, or not with why. */
export interface JudgedEntry extends StackRedeemable {
  entry: StackEntry;
  /** What its validation rules decided (absent for an unknown redeemable). */
  rules: VoucherRulesCheck | null;
  /** Why it cannot apply, as the answer's `result.error` shows it. */
  error: AppError | null;
}

/** A refusal as an error: a rule's refusal speaks in the rule's words and names it. */
function refusalError(reason: AppError['key'], details: string, rule: RuleRefusal | undefined): AppError {
  return new AppError(
    reason,
    rule ? { details, message: rule.message, resource_id: rule.ruleId, resource_type: 'validation_rule' } : { details },
  );
}

/**
 * The order rule checks run in when they lock: by campaign, then by the redeemed object, so two
 * stacked redemptions sharing vouchers or campaigns take their locks in one order.
 */
function lockOrder(entries: readonly StackEntry[]): number[] {
  const keyOf = (entry: StackEntry) =>
    entry.subject ? `${entry.subject.campaignId ?? ''}\u0000${entry.subject.scope.id}` : '';
  return entries
    .map((entry, index) => ({ key: keyOf(entry), index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ index }) => index);
}

async function judgeOne(
  ctx: ProjectContext,
  store: ProjectStore,
  entry: StackEntry,
  rules: VoucherRulesCheck | null,
): Promise<Omit<JudgedEntry, 'entry' | 'rules'>> {
  const categoryIds = entry.categories.map((category) => category.id);
  const refused = (error: AppError) => ({ categoryIds, applicable: false, discount: null, targets: NO_TARGETS, error });
  const { source } = entry;
  if (source.kind === 'unknown') return refused(source.error);
  const now = ctx.clock.now();
  const timezone = ctx.project.settings.timezone;
  const common = { now, timezone, order: null, catalog: () => undefined };
  const evaluation =
    source.kind === 'voucher'
      ? evaluateVoucher({
          ...common,
          voucher: source.voucher.effective,
          campaign: source.voucher.campaign,
          reserved_quantity: source.voucher.reserved_quantity ?? 0,
          ...(rules ? { rules: rules.outcome, targets: rules.targets } : {}),
        })
      : evaluatePromotionTier({
          ...common,
          tier: source.tier,
          campaign: source.campaign,
          ...(rules ? { rules: rules.outcome, targets: rules.targets } : {}),
        });
  if (!evaluation.valid) return refused(refusalError(evaluation.reason, entry.id, evaluation.rule));
  return {
    categoryIds,
    applicable: true,
    discount: evaluation.discount,
    targets: rules?.targets ?? NO_TARGETS,
    catalog: await loadDiscountCatalog(store, evaluation.discount),
    error: null,
  };
}

/** A redeemable refused after its checks (its last use went elsewhere): inapplicable from now on, with why. */
export function refuseEntry(judged: JudgedEntry, error: AppError): JudgedEntry {
  return { ...judged, applicable: false, discount: null, error };
}

/**
 * Checks each redeemable on its own (switches, validity, uses left, validation rules) against the
 * request's facts, prepared once for all. With `facts.lockCounts` (a redemption), counting rules
 * lock their scopes in one global order. The stack then decides what applies and what it gives.
 */
export async function judgeStackEntries(
  ctx: ProjectContext,
  store: ProjectStore,
  entries: readonly StackEntry[],
  facts: RuleRequestFacts,
): Promise<JudgedEntry[]> {
  const timezone = ctx.project.settings.timezone;
  const definitions = entries.flatMap((entry) => entry.definitions);
  const session = await openRuleFactsSession(store, ctx.clock, timezone, definitions, facts);
  const judged = new Array<JudgedEntry>(entries.length);
  for (const index of lockOrder(entries)) {
    const entry = entries[index] as StackEntry;
    const rules = entry.subject ? await checkSubjectRules(store, session, entry.subject, entry.definitions) : null;
    judged[index] = { ...(await judgeOne(ctx, store, entry, rules)), entry, rules };
  }
  return judged;
}
