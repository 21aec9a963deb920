import { NO_TARGETS } from '../../domain/discounts/targets.js';
import { AppError } from '../../domain/errors.js';
import { evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import { evaluateVoucher, type RuleRefusal } from '../../domain/redemptions/evaluate-voucher.js';
import type { StackRedeemable } from '../../domain/stacking/apply-stack.js';
import type { ProjectContext } from '../context.js';
import { giftRequestOf } from '../gift-cards/gift-request.js';
import type { ProjectStore } from '../ports.js';
import { loadDiscountCatalog } from '../redemptions/discount-catalog.js';
import { lockInOrder } from '../redemptions/lock-order.js';
import {
  checkSubjectRules,
  countedScopes,
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
 * When any redeemable's rules count (and so lock what they count), every row this redemption may
 * write is locked first, in the one lock order (lock-order.ts): each redeemable's voucher or tier,
 * then the campaigns. The rule checks then re-lock rows already held, and the writes that follow
 * take no new lock out of order. Without counting rules nothing is locked here: the writes alone
 * keep the order.
 */
async function lockBeforeCounting(store: ProjectStore, entries: readonly StackEntry[]): Promise<void> {
  const subjects = entries.flatMap((entry) => (entry.subject ? [entry.subject] : []));
  const counting = entries.some((entry) => entry.subject && countedScopes(entry.definitions, entry.subject).length > 0);
  if (!counting) return;
  const campaigns = subjects.flatMap((subject) =>
    subject.campaignId === null ? [] : [{ type: 'campaign' as const, id: subject.campaignId }],
  );
  await lockInOrder(store, [...subjects.map((subject) => subject.scope), ...campaigns]);
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
  const gift =
    source.kind === 'voucher' ? giftRequestOf(source.voucher, { credits: entry.giftCredits ?? null }) : undefined;
  const evaluation =
    source.kind === 'voucher'
      ? evaluateVoucher({
          ...common,
          voucher: source.voucher.effective,
          campaign: source.voucher.campaign,
          reserved_quantity: source.voucher.reserved_quantity ?? 0,
          ...(gift ? { gift } : {}),
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
    ...(gift ? { gift } : {}),
    error: null,
  };
}

/** A redeemable refused after its checks (its last use went elsewhere): inapplicable from now on, with why. */
export function refuseEntry(judged: JudgedEntry, error: AppError): JudgedEntry {
  const { gift: _gift, ...rest } = judged;
  return { ...rest, applicable: false, discount: null, error };
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
  if (facts.lockCounts) await lockBeforeCounting(store, entries);
  const session = await openRuleFactsSession(store, ctx.clock, timezone, definitions, facts);
  const judged = new Array<JudgedEntry>(entries.length);
  for (const index of entries.keys()) {
    const entry = entries[index] as StackEntry;
    const rules = entry.subject ? await checkSubjectRules(store, session, entry.subject, entry.definitions) : null;
    judged[index] = { ...(await judgeOne(ctx, store, entry, rules)), entry, rules };
  }
  return judged;
}
