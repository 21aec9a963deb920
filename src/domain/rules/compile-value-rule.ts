import type { Metadata } from '../metadata.js';
import type { ValueTest } from './compile-conditions.js';
import type { PreparedRuleFacts, RuleContext } from './prepared-facts.js';
import type { RuleName } from './rule-catalog.js';
import type { ParsedRule } from './rule-definition.js';
import type { RuleCounter, RuleFacts } from './rule-facts.js';

/** A compiled rule: whether it holds in a context. */
export type RuleCheck = (context: RuleContext) => boolean;

type ValueReader = (facts: RuleFacts) => unknown;
type LineReader = (facts: PreparedRuleFacts, line: number) => unknown;

function metadataValue(metadata: Metadata | null | undefined, key: string): unknown {
  return metadata && Object.hasOwn(metadata, key) ? metadata[key] : undefined;
}

/** A line's own metadata first, then its SKU's, then its product's: where shops put item attributes. */
function itemMetadataValue(facts: PreparedRuleFacts, line: number, key: string): unknown {
  const item = facts.items[line];
  return (
    metadataValue(item?.metadata, key) ??
    metadataValue(item?.sku?.metadata, key) ??
    metadataValue(item?.product?.metadata, key)
  );
}

/** Counts include the redemption being checked (see rule-facts.ts); an unloaded counter is unknown. */
function counterWithThisRedemption(counter: RuleCounter): ValueReader {
  return (facts) => {
    const count = facts.counters[counter];
    return count === undefined ? undefined : count + 1;
  };
}

function sumOverGroup(read: (facts: PreparedRuleFacts, line: number) => number | null): ContextReader {
  return ({ facts, group }) => {
    if (facts.raw.order === null) return undefined;
    let total = 0;
    for (const line of group) total += read(facts, line) ?? 0;
    return total;
  };
}

type ContextReader = (context: RuleContext) => unknown;

/** Where each rule's value comes from: the facts, the matched lines added up, or one line. */
type Source =
  | { kind: 'facts'; read: ValueReader }
  | { kind: 'group'; read: ContextReader }
  | { kind: 'line'; read: LineReader; every: boolean }
  | { kind: 'none' };

const fromFacts = (read: ValueReader): Source => ({ kind: 'facts', read });
const fromGroup = (read: ContextReader): Source => ({ kind: 'group', read });
const fromLine = (read: LineReader, every = false): Source => ({ kind: 'line', read, every });

function sourceOf(name: RuleName, property: string): Source {
  switch (name) {
    case 'customer.segment':
      return fromFacts((f) => f.customer?.segment_ids);
    case 'customer.loyalty.tier':
      return fromFacts((f) => f.customer?.loyalty_tier_ids);
    case 'customer.metadata':
      return fromFacts((f) => metadataValue(f.customer?.metadata, property));
    case 'order.amount':
      return fromFacts((f) => f.order?.amount);
    case 'order.initial_amount':
      return fromFacts((f) => f.order?.initial_amount);
    case 'order.metadata':
      return fromFacts((f) => metadataValue(f.order?.metadata, property));
    case 'order.items.count':
      return fromGroup(({ facts, group }) => (facts.raw.order === null ? undefined : group.length));
    case 'order.items.aggregated_quantity':
      return fromGroup(sumOverGroup((f, line) => f.quantity(line)));
    case 'order.items.aggregated_amount':
      return fromGroup(sumOverGroup((f, line) => f.amount(line)));
    case 'order.items.quantity':
      return fromLine((f, line) => f.quantity(line));
    case 'order.items.price':
    case 'order.items.price_any':
      return fromLine((f, line) => f.unitPrice(line));
    case 'order.items.price_each':
      return fromLine((f, line) => f.unitPrice(line), true);
    case 'order.items.metadata':
      return fromLine((f, line) => itemMetadataValue(f, line, property));
    case 'product.metadata':
      return fromLine((f, line) => metadataValue(f.items[line]?.product?.metadata, property));
    case 'campaign.orders.amount':
      return fromFacts((f) => {
        const amount = f.counters.campaignOrdersAmount;
        return amount === undefined ? undefined : amount + (f.order?.amount ?? 0);
      });
    case 'campaign.redemptions.count':
      return fromFacts(counterWithThisRedemption('campaignRedemptionsCount'));
    case 'redemption.count.per_customer':
      return fromFacts(counterWithThisRedemption('customerRedemptionsCount'));
    case 'redemption.count.daily':
      return fromFacts(counterWithThisRedemption('dailyRedemptionsCount'));
    case 'redemption.count.monthly':
      return fromFacts(counterWithThisRedemption('monthlyRedemptionsCount'));
    case 'redemption.metadata':
      return fromFacts((f) => metadataValue(f.redemption?.metadata, property));
    case 'custom_event.metadata':
      return fromFacts((f) => metadataValue(f.customEvent?.metadata, property));
    case 'product.discount_applicable':
    case 'order.items.any':
    case 'order.items.every':
    case 'order.items.none':
    case 'order.items.cheapest':
    case 'order.items.most_expensive':
      // A legacy marker that always holds; item rules are compiled by compile-item-rules.ts.
      return { kind: 'none' };
  }
}

/** Whether a rule reads one order line (the checked one when nested), rather than the facts or a group. */
export function isLineRule(name: RuleName): boolean {
  return sourceOf(name, '').kind === 'line';
}

/** The checked line when nested; at the top, some line of the group (`every`: each, and at least one). */
function checkLines(read: LineReader, test: ValueTest, every: boolean): RuleCheck {
  return ({ facts, group, line }) => {
    if (line >= 0) return test(read(facts, line), facts);
    if (group.length === 0) return false;
    for (const each of group) if (test(read(facts, each), facts) !== every) return !every;
    return every;
  };
}

/**
 * Compiles a rule that compares one value (everything but item rules): `test` holds the
 * compiled conditions, the rule's source says where the value comes from.
 */
export function compileValueRule(rule: ParsedRule, test: ValueTest): RuleCheck {
  const source = sourceOf(rule.spec.name, rule.property ?? '');
  switch (source.kind) {
    case 'line':
      return checkLines(source.read, test, source.every);
    case 'facts': {
      const read = source.read;
      return (context) => test(read(context.facts.raw), context.facts);
    }
    case 'group': {
      const read = source.read;
      return (context) => test(read(context), context.facts);
    }
    case 'none':
      return () => true;
  }
}
