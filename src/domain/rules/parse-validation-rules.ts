import { AppError } from '../errors.js';
import { describeProblems, type Problem } from '../problems.js';
import { allOf, isLogicKey, type LogicNode, logicKeys, parseLogic } from './logic-expression.js';
import { describeValue, parseConditionValue } from './parse-condition-values.js';
import { findRuleSpec, type RuleNameSpec } from './rule-catalog.js';
import {
  type ConditionValue,
  compareRuleKeys,
  type ParsedCondition,
  type ParsedRule,
  type ParsedRuleSet,
  type ParsedValidationRules,
} from './rule-definition.js';
import { type RuleNameAlias, UNSUPPORTED_RULE_NAMES } from './rule-name-aliases.js';
import { canonicalOperator, RULE_OPERATOR_SPECS, UNSUPPORTED_RULE_OPERATORS } from './rule-operators.js';
import { OPERATOR_VALUES_BY_TYPE } from './rule-value-types.js';

export const MAX_RULES_PER_SET = 100;
export const MAX_CONDITION_VALUES = 1000;
export const MAX_PROPERTY_LENGTH = 200;
export const MAX_ERROR_MESSAGE_LENGTH = 1000;

/** One thing wrong with a definition: where (`rules.2.conditions.$is[0]`) and what. */
export type RuleProblem = Problem;

export type ParseRulesResult = { ok: true; definition: ParsedValidationRules } | { ok: false; problems: RuleProblem[] };

type Level = 'top' | 'nested';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasRuleEntries(raw: unknown): boolean {
  return isPlainObject(raw) && Object.keys(raw).some((key) => key !== 'logic');
}

class RulesParser {
  readonly problems: RuleProblem[] = [];

  private add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  parseSet(raw: unknown, path: string, level: Level): ParsedRuleSet {
    if (raw === undefined || raw === null) return { rules: [], logicText: '', logic: null };
    if (!isPlainObject(raw)) {
      this.add(path, `should be an object of rules ("1", "2", …) and "logic", got ${describeValue(raw)}`);
      return { rules: [], logicText: '', logic: null };
    }
    const { logic, ...entries } = raw;
    const keys = Object.keys(entries).sort(compareRuleKeys);
    if (keys.length > MAX_RULES_PER_SET) this.add(path, `holds ${keys.length} rules; at most ${MAX_RULES_PER_SET}`);
    const rules: ParsedRule[] = [];
    for (const key of keys.slice(0, MAX_RULES_PER_SET)) {
      const rulePath = `${path}.${key}`;
      if (!isLogicKey(key)) {
        this.add(rulePath, 'a rule key cannot be blank, hold spaces or parentheses, or be "and", "or" or "not"');
        continue;
      }
      const rule = this.parseRule(key, entries[key], rulePath, level);
      if (rule) rules.push(rule);
    }
    return { rules, ...this.parseLogicText(logic, `${path}.logic`, new Set(keys)) };
  }

  /** Blank logic means every rule must pass; otherwise it must parse and name defined rules only. */
  private parseLogicText(
    raw: unknown,
    path: string,
    keys: ReadonlySet<string>,
  ): Pick<ParsedRuleSet, 'logicText' | 'logic'> {
    if (raw === undefined || raw === null) return { logicText: '', logic: null };
    if (typeof raw !== 'string') {
      this.add(path, `should be a text such as "1 and (2 or 3)", got ${describeValue(raw)}`);
      return { logicText: '', logic: null };
    }
    if (raw.trim() === '') return { logicText: raw, logic: null };
    const parsed = parseLogic(raw);
    if (!parsed.ok) {
      this.add(path, `cannot be read: ${parsed.message}`);
      return { logicText: raw, logic: null };
    }
    for (const key of logicKeys(parsed.node)) {
      if (!keys.has(key)) this.add(path, `names rule "${key}", which is not defined`);
    }
    return { logicText: raw, logic: parsed.node };
  }

  private parseRule(key: string, raw: unknown, path: string, level: Level): ParsedRule | null {
    if (!isPlainObject(raw)) {
      this.add(path, `should be an object with "name" and "conditions", got ${describeValue(raw)}`);
      return null;
    }
    const found = this.findSpec(raw.name, `${path}.name`, level);
    if (!found) return null;
    const { spec, alias } = found;
    const property = this.parseProperty(raw.property, `${path}.property`, spec);
    return {
      key,
      name: raw.name as string,
      spec,
      refObject: alias?.refObject ?? null,
      property,
      conditions: this.parseConditions(raw.conditions, `${path}.conditions`, spec, alias),
      nested: this.parseNested(raw.rules, `${path}.rules`, spec),
      errorMessage: this.parseErrorMessage(raw.error, `${path}.error`),
    };
  }

  private findSpec(
    name: unknown,
    path: string,
    level: Level,
  ): { spec: RuleNameSpec; alias: RuleNameAlias | null } | null {
    if (typeof name !== 'string' || name === '') {
      this.add(path, `is required: a rule name such as "order.amount", got ${describeValue(name)}`);
      return null;
    }
    const found = findRuleSpec(name);
    if (!found) {
      const known = UNSUPPORTED_RULE_NAMES.has(name);
      this.add(
        path,
        known
          ? `"${name}" is a Voucherify rule Vouch does not evaluate yet`
          : `unknown rule name ${describeValue(name)}`,
      );
      return null;
    }
    if (level === 'top' && found.spec.placement === 'nested') {
      this.add(path, `"${name}" belongs in the nested rules of an item rule such as order.items.any`);
      return null;
    }
    if (level === 'nested' && found.spec.placement === 'top') {
      this.add(path, `"${name}" cannot be nested under an item rule: nested rules read the matched order lines`);
      return null;
    }
    return found;
  }

  private parseProperty(raw: unknown, path: string, spec: RuleNameSpec): string | null {
    if (!spec.needsProperty) return null;
    if (typeof raw === 'string' && raw !== '' && raw.length <= MAX_PROPERTY_LENGTH) return raw;
    this.add(path, `is required for ${spec.name}: the metadata key to read (1 to ${MAX_PROPERTY_LENGTH} characters)`);
    return null;
  }

  private parseNested(raw: unknown, path: string, spec: RuleNameSpec): ParsedRuleSet | null {
    if (!spec.takesNestedRules) {
      // Voucherify echoes `rules: {}` on every rule, so an empty object is fine anywhere.
      if (hasRuleEntries(raw) || (raw !== undefined && raw !== null && !isPlainObject(raw))) {
        this.add(path, `${spec.name} cannot hold nested rules; only item rules (order.items.any, …) can`);
      }
      return null;
    }
    const set = this.parseSet(raw, path, 'nested');
    return set.rules.length > 0 ? set : null;
  }

  parseErrorMessage(raw: unknown, path: string): string | null {
    if (raw === undefined || raw === null) return null;
    const message = isPlainObject(raw) ? raw.message : undefined;
    if (isPlainObject(raw) && (message === undefined || message === null || message === '')) return null;
    if (typeof message === 'string' && message.length <= MAX_ERROR_MESSAGE_LENGTH) return message;
    this.add(path, `should be {"message": "<text of at most ${MAX_ERROR_MESSAGE_LENGTH} characters>"}`);
    return null;
  }

  private parseConditions(
    raw: unknown,
    path: string,
    spec: RuleNameSpec,
    alias: RuleNameAlias | null,
  ): ParsedCondition[] {
    if (!isPlainObject(raw) || Object.keys(raw).length === 0) {
      this.add(path, `should be an object with at least one operator, like {"$is": [...]}, got ${describeValue(raw)}`);
      return [];
    }
    const conditions: ParsedCondition[] = [];
    for (const [spelling, values] of Object.entries(raw)) {
      const condition = this.parseCondition(spelling, values, `${path}.${spelling}`, spec, alias);
      if (condition) conditions.push(condition);
    }
    return conditions;
  }

  private parseCondition(
    spelling: string,
    raw: unknown,
    path: string,
    spec: RuleNameSpec,
    alias: RuleNameAlias | null,
  ): ParsedCondition | null {
    const operator = canonicalOperator(spelling);
    const kind =
      operator && spec.operators.includes(operator) ? OPERATOR_VALUES_BY_TYPE[spec.valueType].get(operator) : undefined;
    if (!operator || !kind) {
      const problem = operator
        ? `does not apply to ${spec.name}`
        : UNSUPPORTED_RULE_OPERATORS.has(spelling)
          ? 'is a Voucherify operator Vouch does not evaluate yet'
          : 'is not an operator';
      this.add(path, `${problem}; ${spec.name} takes ${spec.operators.join(', ')}`);
      return null;
    }
    const rawValues = Array.isArray(raw) ? raw : [raw];
    const arity = RULE_OPERATOR_SPECS[operator].arity;
    if (arity === 'none') return { operator, spelledAs: spelling, values: [], rawValues };
    if (arity === 'one' && rawValues.length !== 1) {
      this.add(path, `takes exactly one value, got ${rawValues.length}`);
      return null;
    }
    if (rawValues.length === 0 || rawValues.length > MAX_CONDITION_VALUES) {
      this.add(path, `takes 1 to ${MAX_CONDITION_VALUES} values, got ${rawValues.length}`);
      return null;
    }
    const values: ConditionValue[] = [];
    rawValues.forEach((value, index) => {
      const parsed = parseConditionValue(kind, value, alias?.refObject ?? null);
      if (parsed.ok) values.push(parsed.value);
      else this.add(`${path}[${index}]`, parsed.problem);
    });
    return values.length === rawValues.length ? { operator, spelledAs: spelling, values, rawValues } : null;
  }
}

/**
 * Checks a validation rule's `rules` object (and its top-level `error`) and returns it parsed, or
 * every problem found, each naming the rule key and what is wrong. Rules the logic does not name
 * are still checked but never evaluated; a blank logic means every rule must pass.
 */
export function parseValidationRules(input: { rules?: unknown; error?: unknown }): ParseRulesResult {
  const parser = new RulesParser();
  const set = parser.parseSet(input.rules, 'rules', 'top');
  const errorMessage = parser.parseErrorMessage(input.error, 'error');
  if (parser.problems.length > 0) return { ok: false, problems: parser.problems };
  return { ok: true, definition: { ...set, errorMessage } };
}

/** The 400 a client gets for a definition Vouch cannot evaluate, listing what is wrong. */
export function invalidValidationRules(problems: readonly RuleProblem[]): AppError {
  return new AppError('invalid_validation_rules', { details: describeProblems(problems) });
}

/** The logic the compiler runs: the parsed one, or every rule in key order when blank. */
export function effectiveLogic(set: ParsedRuleSet): LogicNode | null {
  return set.logic ?? allOf(set.rules.map((rule) => rule.key));
}
