import { describe, expect, it } from 'vitest';
import { compileValidationRules } from './compile-rules.js';
import { evaluateRules } from './evaluate-rules.js';
import { parseValidationRules } from './parse-validation-rules.js';
import { findRuleSpec, RULE_CATALOG, RULE_NAMES } from './rule-catalog.js';
import { isIsoDate, localDayOf } from './rule-dates.js';
import { RULE_NAME_ALIASES, UNSUPPORTED_RULE_NAMES } from './rule-name-aliases.js';
import { RULE_OPERATOR_ALIASES, RULE_OPERATOR_SPECS, RULE_OPERATORS } from './rule-operators.js';
import { factsOf } from './rule-test-facts.js';
import { OPERATOR_VALUES_BY_TYPE } from './rule-value-types.js';

/** A valid first value for each kind of condition value. */
const SAMPLE_VALUES: Record<string, unknown> = {
  money: 100,
  number: 1,
  count: 1,
  text: 'a',
  scalar: 'a',
  number_or_date: 1,
  date: '2026-01-01',
  id: 'seg_1',
  item_ref: { id: 'prod_mug' },
  boolean: true,
};

describe('RULE_CATALOG', () => {
  it('describes every rule name once, with a label and operators its value type takes', () => {
    expect(RULE_CATALOG.map((spec) => spec.name)).toEqual([...RULE_NAMES]);
    for (const spec of RULE_CATALOG) {
      expect(spec.label, spec.name).not.toBe('');
      expect(spec.description, spec.name).not.toBe('');
      expect(spec.operators.length, spec.name).toBeGreaterThan(0);
      for (const operator of spec.operators) expect(OPERATOR_VALUES_BY_TYPE[spec.valueType].has(operator)).toBe(true);
      expect(spec.needsProperty).toBe(spec.valueType === 'metadata');
      expect(spec.takesNestedRules).toBe(spec.valueType === 'item_refs');
    }
  });

  it('has every alias lead to a catalog name, and no unsupported name in the catalog', () => {
    for (const [alias, { name }] of Object.entries(RULE_NAME_ALIASES)) {
      expect(findRuleSpec(alias)?.spec.name, alias).toBe(name);
    }
    for (const name of UNSUPPORTED_RULE_NAMES) expect(findRuleSpec(name), name).toBeUndefined();
    for (const alias of Object.keys(RULE_OPERATOR_ALIASES)) expect(RULE_OPERATORS).not.toContain(alias);
  });

  it('labels every operator', () => {
    for (const operator of RULE_OPERATORS) expect(RULE_OPERATOR_SPECS[operator].label).not.toBe('');
  });

  it('parses, compiles and evaluates every rule name with every operator it allows', () => {
    for (const spec of RULE_CATALOG) {
      for (const operator of spec.operators) {
        const kind = OPERATOR_VALUES_BY_TYPE[spec.valueType].get(operator) ?? 'none';
        const rule = {
          name: spec.name,
          ...(spec.needsProperty ? { property: 'x' } : {}),
          conditions: { [operator]: kind === 'none' ? [] : [SAMPLE_VALUES[kind]] },
        };
        const top =
          spec.placement === 'nested'
            ? { name: 'order.items.any', conditions: { $is: [{ id: 'prod_mug' }] }, rules: { 1: rule } }
            : rule;
        const parsed = parseValidationRules({ rules: { 1: top } });
        expect(parsed.ok, `${spec.name} ${operator}`).toBe(true);
        if (parsed.ok) expect(() => evaluateRules(compileValidationRules(parsed.definition), factsOf())).not.toThrow();
      }
    }
  });
});

describe('rule dates', () => {
  it.each([
    ['2026-03-15', true],
    ['2026-03-15T10:00:00Z', true],
    ['2026-03-15T10:00:00.123+02:00', true],
    ['2026-03-15 10:00', true],
    ['2026-02-30', false],
    ['15.03.2026', false],
    ['2026-03-15T25:00:00Z', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('places a bare date on its own day in any zone, a date-time on the zone wall clock', () => {
    expect(localDayOf('2026-03-15', 'Pacific/Kiritimati')).toBe(localDayOf('2026-03-15', 'America/Adak'));
    expect(localDayOf('2026-03-15T23:30:00Z', 'Europe/Warsaw')).toBe((localDayOf('2026-03-15', 'UTC') as number) + 1);
    expect(localDayOf('not a date', 'UTC')).toBeNull();
    expect(localDayOf(20260315, 'UTC')).toBeNull();
  });
});
