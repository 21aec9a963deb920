import type { RuleCheck } from './compile-value-rule.js';
import { everyOf } from './logic-expression.js';
import type { PreparedRuleFacts } from './prepared-facts.js';
import type { ItemRef, ParsedCondition, ParsedRule } from './rule-definition.js';

/**
 * Item rules: which products, SKUs and collections the cart holds, and what their lines are like.
 *
 * Each listed reference is judged on its own lines (a product's lines include its SKUs' lines when
 * the order names the product; a collection's are its members'). Nested rules run once per line
 * of that reference: line rules (quantity, price, metadata) read the line, `aggregated_*` and
 * `count` read all lines of the reference. So "any of [X] with quantity more than 2" holds when
 * some line of X has more than 2 units, and "aggregated quantity more than 2" when X's lines do.
 * - `any`: some reference has a line meeting the nested rules;
 * - `every`: each reference has one;
 * - `none`: no reference has one;
 * - `cheapest`/`most_expensive`: the line with the lowest/highest unit price in the whole order
 *   (the first of equals) is (`$is`/`$in`) or is not (`$is_not`/`$not_in`) one of the references,
 *   and meets the nested rules.
 */

/** An item rule's nested rules, compiled. */
export interface NestedRules {
  check: RuleCheck;
  /**
   * Whether a nested rule reads the checked line (quantity, price, metadata). When none does
   * (aggregated quantity or amount, count), one check per reference gives the same answer as one
   * per line, without adding the group up once for every line.
   */
  perLine: boolean;
}

function hasLineMeeting(facts: PreparedRuleFacts, ref: ItemRef, nested: NestedRules | null): boolean {
  const lines = facts.linesOf(ref);
  if (lines.length === 0) return false;
  if (nested === null) return true;
  if (!nested.perLine) return nested.check({ facts, group: lines, line: lines[0] as number });
  for (const line of lines) if (nested.check({ facts, group: lines, line })) return true;
  return false;
}

function isAnyOf(facts: PreparedRuleFacts, refs: readonly ItemRef[], line: number): boolean {
  for (const ref of refs) if (facts.linesOf(ref).includes(line)) return true;
  return false;
}

function isAnyPresent(facts: PreparedRuleFacts, refs: readonly ItemRef[], nested: NestedRules | null): boolean {
  for (const ref of refs) if (hasLineMeeting(facts, ref, nested)) return true;
  return false;
}

function areAllPresent(facts: PreparedRuleFacts, refs: readonly ItemRef[], nested: NestedRules | null): boolean {
  for (const ref of refs) if (!hasLineMeeting(facts, ref, nested)) return false;
  return true;
}

function checkExtremeLine(
  pick: (facts: PreparedRuleFacts) => number,
  refs: readonly ItemRef[],
  wanted: boolean,
  nested: NestedRules | null,
): RuleCheck {
  return ({ facts }) => {
    const line = pick(facts);
    if (line < 0 || isAnyOf(facts, refs, line) !== wanted) return false;
    return nested === null || nested.check({ facts, group: [line], line });
  };
}

const cheapest = (facts: PreparedRuleFacts): number => facts.cheapestLine();
const mostExpensive = (facts: PreparedRuleFacts): number => facts.mostExpensiveLine();

function compileItemCondition(rule: ParsedRule, condition: ParsedCondition, nested: NestedRules | null): RuleCheck {
  const refs = condition.values as readonly ItemRef[];
  const listed = condition.operator === '$is' || condition.operator === '$in';
  switch (rule.spec.name) {
    case 'order.items.every':
      return ({ facts }) => areAllPresent(facts, refs, nested);
    case 'order.items.none':
      return ({ facts }) => !isAnyPresent(facts, refs, nested);
    case 'order.items.cheapest':
      return checkExtremeLine(cheapest, refs, listed, nested);
    case 'order.items.most_expensive':
      return checkExtremeLine(mostExpensive, refs, listed, nested);
    default:
      return ({ facts }) => isAnyPresent(facts, refs, nested);
  }
}

/**
 * An item rule, its conditions combined with `and`; `nested` is its compiled nested rules.
 * Without an order nothing is known about items, so no item rule holds (not even `none`).
 */
export function compileItemRule(rule: ParsedRule, nested: NestedRules | null): RuleCheck {
  const check = everyOf(rule.conditions.map((condition) => compileItemCondition(rule, condition, nested)));
  return (context) => context.facts.raw.order !== null && check(context);
}
