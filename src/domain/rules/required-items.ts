import type { CompiledValidationRules } from './compile-rules.js';
import type { PreparedRuleFacts } from './prepared-facts.js';
import type { ItemRef } from './rule-definition.js';

/** Item rules that ask for listed products in the cart; `none` keeps them out, so it requires nothing. */
const REQUIRING = new Set([
  'order.items.any',
  'order.items.every',
  'order.items.cheapest',
  'order.items.most_expensive',
]);

/**
 * The cart lines a definition asks for by name: lines of the products, SKUs and collections its
 * item rules list with `$is`/`$in` (any, every, cheapest, most expensive), whatever the rules then
 * decide. What "the item is required in the validation rule" points at. Ascending, each once.
 */
export function requiredItemLines(compiled: CompiledValidationRules, facts: PreparedRuleFacts): number[] {
  const lines = new Set<number>();
  for (const { rule } of compiled.rules.values()) {
    if (!REQUIRING.has(rule.spec.name)) continue;
    for (const condition of rule.conditions) {
      if (condition.operator !== '$is' && condition.operator !== '$in') continue;
      for (const ref of condition.values as readonly ItemRef[]) for (const line of facts.linesOf(ref)) lines.add(line);
    }
  }
  return [...lines].sort((a, b) => a - b);
}
