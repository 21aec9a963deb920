import type { LogicNode } from './logic-expression.js';
import type { RuleNameSpec } from './rule-catalog.js';
import type { RuleOperator } from './rule-operators.js';

/**
 * A product, SKU or collection named in an item rule's conditions. Without `object`, the id's
 * prefix tells (`prod_`, `sku_`, `pc_`), else the legacy rule name, else either a product or a SKU.
 */
export interface ItemRef {
  object: 'product' | 'sku' | 'products_collection' | 'product_or_sku';
  id: string | null;
  source_id: string | null;
}

export type ConditionValue = string | number | boolean | ItemRef;

export interface ParsedCondition {
  operator: RuleOperator;
  /** The operator as the client wrote it (`$more_than_equal`), echoed back unchanged. */
  spelledAs: string;
  values: readonly ConditionValue[];
  /** The values as sent, echoed back unchanged (item references keep their extra fields). */
  rawValues: readonly unknown[];
}

export interface ParsedRule {
  key: string;
  /** The name as sent: `customer_segment` stays so in the echo. */
  name: string;
  spec: RuleNameSpec;
  /** Default `object` of item references under a legacy name (`product.id`). */
  refObject: 'product' | 'sku' | null;
  property: string | null;
  /** Combined with `and`, as Voucherify's conditions object does. */
  conditions: readonly ParsedCondition[];
  /** Item rules only: rules every matched line is checked against; null when there are none. */
  nested: ParsedRuleSet | null;
  errorMessage: string | null;
}

export interface ParsedRuleSet {
  /** In key order: numeric keys by number, then the others by text. */
  rules: readonly ParsedRule[];
  /** The `logic` text as sent; blank means every rule must pass. */
  logicText: string;
  /** The parsed logic; null when blank. */
  logic: LogicNode | null;
}

/** A checked `rules` object with the definition's own fallback message. */
export interface ParsedValidationRules extends ParsedRuleSet {
  errorMessage: string | null;
}

/** Numeric keys by number ("2" before "10"), then other keys in text order. */
export function compareRuleKeys(a: string, b: string): number {
  const numberA = /^\d+$/.test(a) ? Number(a) : Number.NaN;
  const numberB = /^\d+$/.test(b) ? Number(b) : Number.NaN;
  const aIsNumber = !Number.isNaN(numberA);
  const bIsNumber = !Number.isNaN(numberB);
  if (aIsNumber && bIsNumber) return numberA - numberB || (a < b ? -1 : a > b ? 1 : 0);
  if (aIsNumber !== bIsNumber) return aIsNumber ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
