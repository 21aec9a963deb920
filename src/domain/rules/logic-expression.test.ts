import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExplainer, explainLogic, type LogicBlame, uniqueBlame } from './explain-logic.js';
import {
  allOf,
  compileLogic,
  isLogicKey,
  type LogicNode,
  logicKeys,
  MAX_LOGIC_DEPTH,
  parseLogic,
} from './logic-expression.js';

function parsed(text: string): LogicNode {
  const result = parseLogic(text);
  if (!result.ok) throw new Error(result.message);
  return result.node;
}

function evaluate(text: string, outcomes: Record<string, boolean>): boolean {
  return compileLogic(parsed(text), (key) => () => outcomes[key] ?? false)(undefined);
}

describe('parseLogic', () => {
  it.each<[string, LogicNode]>([
    ['1', { type: 'rule', key: '1' }],
    [
      '1 and 2',
      {
        type: 'and',
        operands: [
          { type: 'rule', key: '1' },
          { type: 'rule', key: '2' },
        ],
      },
    ],
    ['1 AND 2 And 3', { type: 'and', operands: ['1', '2', '3'].map((key) => ({ type: 'rule', key })) }],
    ['(1)', { type: 'rule', key: '1' }],
    ['not 1', { type: 'not', operand: { type: 'rule', key: '1' } }],
    ['NOT NOT a', { type: 'not', operand: { type: 'not', operand: { type: 'rule', key: 'a' } } }],
    [
      '1 or 2 and 3',
      {
        type: 'or',
        operands: [
          { type: 'rule', key: '1' },
          {
            type: 'and',
            operands: [
              { type: 'rule', key: '2' },
              { type: 'rule', key: '3' },
            ],
          },
        ],
      },
    ],
    [
      'not 1 and 2',
      {
        type: 'and',
        operands: [
          { type: 'not', operand: { type: 'rule', key: '1' } },
          { type: 'rule', key: '2' },
        ],
      },
    ],
    ['((1) and (2)) and (3)', { type: 'and', operands: ['1', '2', '3'].map((key) => ({ type: 'rule', key })) }],
    ['(1 and 2)or 3', parsed('(1 and 2) or 3')],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    ['', 'is blank'],
    ['   ', 'is blank'],
    ['1 and', "expected a rule key, 'not' or '(' at the end"],
    ['and 1', "expected a rule key, 'not' or '(', got 'and' at position 0"],
    ['1 2', "expected 'and' or 'or' before '2' at position 2"],
    ['(1 and 2', "missing ')' for the '(' at position 0 at the end"],
    ['1)', "unmatched ')' at position 1"],
    ['()', "expected a rule key, 'not' or '(', got ')' at position 1"],
    ['1 or or 2', "expected a rule key, 'not' or '(', got 'or' at position 5"],
    [`${'('.repeat(MAX_LOGIC_DEPTH + 1)}1${')'.repeat(MAX_LOGIC_DEPTH + 1)}`, `nests deeper than ${MAX_LOGIC_DEPTH}`],
    [`${'not '.repeat(100_000)}1`, 'is longer than'],
  ])('refuses case %#', (text, message) => {
    const result = parseLogic(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('lists the keys once, in order of appearance', () => {
    expect(logicKeys(parsed('(2 or 1) and not 2 and 10'))).toEqual(['2', '1', '10']);
  });

  it('reads a blank logic as all rules', () => {
    expect(allOf([])).toBeNull();
    expect(allOf(['1'])).toEqual({ type: 'rule', key: '1' });
    expect(allOf(['1', '2'])).toEqual(parsed('1 and 2'));
  });

  it.each([
    ['1', true],
    ['a_1', true],
    ['and', false],
    ['OR', false],
    ['a b', false],
    ['(1)', false],
    ['', false],
  ])('isLogicKey(%j) is %s', (key, expected) => {
    expect(isLogicKey(key)).toBe(expected);
  });
});

describe('compileLogic', () => {
  it('gives not the highest precedence, then and, then or', () => {
    expect(evaluate('not 1 and 2', { 1: true, 2: true })).toBe(false);
    expect(evaluate('1 or 2 and 3', { 1: true, 2: false, 3: false })).toBe(true);
    expect(evaluate('(1 or 2) and 3', { 1: true, 2: false, 3: false })).toBe(false);
  });

  it('short-circuits left to right', () => {
    const asked: string[] = [];
    const run = compileLogic(parsed('1 and 2 or 3 or 4'), (key) => () => {
      asked.push(key);
      return key === '3';
    });
    expect(run(undefined)).toBe(true);
    expect(asked).toEqual(['1', '3']);
  });
});

describe('explainLogic', () => {
  const explain = (text: string, outcomes: Record<string, boolean>) =>
    explainLogic(parsed(text), (key) => outcomes[key] ?? false);

  it.each<[string, Record<string, boolean>, [string, boolean][]]>([
    ['1 and 2', { 1: true, 2: false }, [['2', false]]],
    ['1 and 2', { 1: false, 2: false }, [['1', false]]],
    [
      '1 or 2',
      { 1: false, 2: false },
      [
        ['1', false],
        ['2', false],
      ],
    ],
    [
      '(1 and 2) or 3',
      { 1: true, 2: false, 3: false },
      [
        ['2', false],
        ['3', false],
      ],
    ],
    ['not 1', { 1: true }, [['1', true]]],
    ['not (1 or 2)', { 1: false, 2: true }, [['2', true]]],
    [
      'not (1 and 2)',
      { 1: true, 2: true },
      [
        ['1', true],
        ['2', true],
      ],
    ],
    ['1 or 1', { 1: false }, [['1', false]]],
  ])('%s with %j is decided by %j', (text, outcomes, expected) => {
    expect(explain(text, outcomes).map((blame) => [blame.key, blame.held])).toEqual(expected);
  });
});

const KEYS = ['1', '2', '3', '4', 'a'];

/**
 * A random expression, as logic text and as the same text in JavaScript: `not`/`and`/`or` become
 * `!`/`&&`/`||` and parentheses stay where they are, so JavaScript's own precedence (! > && > ||)
 * is the reference for the parser's.
 */
const expressionArb: fc.Arbitrary<{ logic: string; js: string }> = fc.letrec<{
  expression: { logic: string; js: string };
}>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...KEYS).map((key) => ({ logic: key, js: `o[${JSON.stringify(key)}]` })),
    tie('expression').map((e) => ({ logic: `not ${e.logic}`, js: `!${e.js}` })),
    tie('expression').map((e) => ({ logic: `NOT (${e.logic})`, js: `!(${e.js})` })),
    fc.tuple(tie('expression'), fc.constantFrom('and', 'AND', 'or', 'Or'), tie('expression')).map(([a, op, b]) => ({
      logic: `(${a.logic}) ${op} (${b.logic})`,
      js: `(${a.js}) ${op.toLowerCase() === 'and' ? '&&' : '||'} (${b.js})`,
    })),
    fc.tuple(tie('expression'), fc.constantFrom('and', 'or'), tie('expression')).map(([a, op, b]) => ({
      logic: `${a.logic} ${op} ${b.logic}`,
      js: `${a.js} ${op === 'and' ? '&&' : '||'} ${b.js}`,
    })),
  ),
})).expression;

const outcomesArb = fc.record(Object.fromEntries(KEYS.map((key) => [key, fc.boolean()])));

describe('logic property', () => {
  it('agrees with the same expression evaluated by JavaScript', () => {
    fc.assert(
      fc.property(expressionArb, outcomesArb, ({ logic, js }, outcomes) => {
        const reference = new Function('o', `return ${js};`) as (o: Record<string, boolean>) => boolean;
        const node = parsed(logic);
        const compiled = compileLogic(node, (key) => (o: Record<string, boolean>) => o[key] === true);
        expect(compiled(outcomes)).toBe(reference(outcomes));
      }),
      { numRuns: 2000 },
    );
  });

  it('blames rules that alone settle the result: changing any other rule changes nothing', () => {
    fc.assert(
      fc.property(expressionArb, outcomesArb, outcomesArb, ({ logic }, outcomes, others) => {
        const node = parsed(logic);
        const run = compileLogic(node, (key) => (o: Record<string, boolean>) => o[key] === true);
        const blame = explainLogic(node, (key) => outcomes[key] === true);
        const blamed = new Set(blame.map((b) => b.key));
        const mixed = Object.fromEntries(KEYS.map((key) => [key, (blamed.has(key) ? outcomes : others)[key] === true]));
        expect(run(mixed)).toBe(run(outcomes));
        for (const { key, held } of blame) expect(held).toBe(outcomes[key]);
      }),
      { numRuns: 2000 },
    );
  });

  it('explains the same way compiled as walked', () => {
    fc.assert(
      fc.property(expressionArb, outcomesArb, ({ logic }, outcomes) => {
        const node = parsed(logic);
        const out: LogicBlame[] = [];
        const value = compileExplainer(node, (key) => () => outcomes[key] === true)(undefined, out);
        const run = compileLogic(node, (key) => () => outcomes[key] === true);
        expect(value).toBe(run(undefined));
        expect(uniqueBlame(out)).toEqual(explainLogic(node, (key) => outcomes[key] === true));
      }),
      { numRuns: 2000 },
    );
  });
});
