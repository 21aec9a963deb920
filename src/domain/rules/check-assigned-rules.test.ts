import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssignedDefinition,
  checkAssignedRules,
  mergeApplicableTo,
  passesAssignedRules,
} from './check-assigned-rules.js';
import { compileValidationRules } from './compile-rules.js';
import { evaluateRules } from './evaluate-rules.js';
import { type ApplicableToDefinition, type ApplicableToEntry, NO_APPLICABLE_TO } from './parse-applicable-to.js';
import { prepareRuleFacts } from './prepared-facts.js';
import { factsOf, parsedOf } from './rule-test-facts.js';

/**
 * The shortcuts a request checking a thousand tiers takes: no `applicable_to` merged (nor
 * allocated) when no definition names lines, and passesAssignedRules for the spend-more probes.
 * Both answer exactly as checkAssignedRules' slow path does.
 */

const amountAtLeast = (minimum: number) => ({ name: 'order.amount', conditions: { $more_than_equal: [minimum] } });
const COMPILED = [
  {},
  { 1: amountAtLeast(100), logic: '1' },
  { 1: amountAtLeast(30_000), logic: '1' },
  { 1: amountAtLeast(100), 2: amountAtLeast(50_000), logic: '1 and 2' },
  { 1: amountAtLeast(50_000), 2: { name: 'customer.metadata', property: 'tier', conditions: { $is: ['gold'] } } },
  { 1: amountAtLeast(50_000), 2: amountAtLeast(20_000), logic: '1 or 2' },
  { 1: amountAtLeast(50_000), logic: 'not 1' },
].map((rules) => compileValidationRules(parsedOf(rules)));

function entry(object: ApplicableToEntry['object'], id: string): ApplicableToEntry {
  return {
    object,
    id,
    source_id: null,
    product_id: null,
    product_source_id: null,
    strict: false,
    effect: 'APPLY_TO_EVERY',
    price: null,
    price_formula: null,
    quantity_limit: null,
    aggregated_quantity_limit: null,
    amount_limit: null,
    aggregated_amount_limit: null,
  } as ApplicableToEntry;
}

const LISTS: ApplicableToDefinition[] = [
  NO_APPLICABLE_TO,
  { included: [], excluded: [], included_all: false },
  { included: [entry('product', 'prod_mug')], excluded: [], included_all: false },
  { included: [], excluded: [entry('sku', 'sku_shirt_m')], included_all: false },
  { included: [], excluded: [], included_all: true },
  { included: [entry('products_collection', 'pc_kitchen')], excluded: [], included_all: true },
];

const definitionArb: fc.Arbitrary<AssignedDefinition> = fc
  .record({
    compiled: fc.integer({ min: 0, max: COMPILED.length - 1 }),
    list: fc.integer({ min: 0, max: LISTS.length - 1 }),
    scope: fc.constantFrom('voucher' as const, 'campaign' as const, 'promotion_tier' as const),
  })
  .map(({ compiled, list, scope }) => ({
    ruleId: `val_${compiled}`,
    scope: { type: scope, id: `${scope}_1` },
    compiled: COMPILED[compiled] as AssignedDefinition['compiled'],
    applicableTo: LISTS[list] as ApplicableToDefinition,
  }));

describe('checkAssignedRules shortcuts', () => {
  it('answers as evaluating every definition and merging every list does', () => {
    fc.assert(
      fc.property(
        fc.array(definitionArb, { maxLength: 5 }),
        fc.integer({ min: 0, max: 80_000 }),
        (definitions, amount) => {
          const base = factsOf();
          const facts = prepareRuleFacts({ ...base, order: base.order && { ...base.order, amount } });
          const outcome = checkAssignedRules(definitions, () => facts);
          const failing = definitions.find((d) => !evaluateRules(d.compiled, facts).passed);
          if (failing) {
            expect(outcome).toMatchObject({ passed: false, ruleId: failing.ruleId });
          } else {
            expect(outcome).toStrictEqual({
              passed: true,
              applicableTo: mergeApplicableTo(definitions.map((d) => d.applicableTo)),
            });
          }
          expect(passesAssignedRules(definitions, () => facts)).toBe(outcome.passed);
        },
      ),
    );
  });
});
