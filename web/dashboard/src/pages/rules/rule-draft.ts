import type { RuleCatalogEntry, RuleEntry, RulesObject, RuleValueType, ValidationRule } from '../../api/rules-api';
import { type FormProblem, formProblem, problemAt } from '../../components/form-problem';
import { parseMoney } from '../../lib/format';
import { listRuleEntries, toCanonicalOperator } from './rule-words';

/** One condition as the builder edits it: the typed text, turned into values only when saved. */
export interface ConditionDraft {
  /** A key for React only; the rule keys sent are the conditions' positions, "1", "2", …. */
  uid: number;
  name: string;
  operator: string;
  value: string;
  property: string;
  errorMessage: string;
  /**
   * An item rule's conditions on the lines it matched (its nested rules), or null when it has none.
   * Line conditions have no nested rules of their own.
   */
  nested: ConditionSetDraft | null;
  /**
   * Parts of a stored rule the builder does not edit (more operators, nested rules it cannot show),
   * sent back unchanged.
   */
  kept: { conditions: Record<string, unknown[]>; rules?: Record<string, unknown> };
}

/** Conditions and the logic that combines them: a whole rule, or an item rule's line conditions. */
export interface ConditionSetDraft {
  conditions: ConditionDraft[];
  logic: string;
  /** Until the user types a logic of their own it follows the conditions: "1 and 2 and …". */
  logicEdited: boolean;
}

export interface RuleDraft extends ConditionSetDraft {
  name: string;
  errorMessage: string;
}

/** What one value must be, as the server's rule-value-types.ts says for each value type and operator. */
export type ValueKind =
  | 'money'
  | 'number'
  | 'count'
  | 'text'
  | 'scalar'
  | 'number_or_date'
  | 'date'
  | 'id'
  | 'item_ref';

const LIST_OPERATORS = new Set(['$is', '$is_not', '$in', '$not_in']);
const NO_VALUE_OPERATORS = new Set(['$is_unknown', '$has_value']);
const ORDERING = new Set(['$more_than', '$more_than_or_equal', '$less_than', '$less_than_or_equal']);
const TEXT = new Set(['$starts_with', '$ends_with', '$contains', '$not_contain']);

export function takesList(operator: string): boolean {
  return LIST_OPERATORS.has(operator);
}

/** The kind of value an operator takes for a value type; null when it takes none. */
export function findValueKind(valueType: RuleValueType, operator: string): ValueKind | 'boolean' | null {
  if (NO_VALUE_OPERATORS.has(operator)) return null;
  switch (valueType) {
    case 'money':
    case 'number':
      return valueType;
    case 'segment_ids':
    case 'tier_ids':
      return 'id';
    case 'item_refs':
      return 'item_ref';
    case 'flag':
      return 'boolean';
    case 'metadata':
      if (LIST_OPERATORS.has(operator)) return 'scalar';
      if (ORDERING.has(operator)) return 'number_or_date';
      if (TEXT.has(operator)) return 'text';
      if (operator === '$after' || operator === '$before') return 'date';
      return 'count';
  }
}

export function defaultLogic(count: number): string {
  return Array.from({ length: count }, (_, index) => String(index + 1)).join(' and ');
}

/**
 * A set of conditions without its condition at `index` (0-based). The conditions are numbered by
 * position, so a logic of the user's own moves the later numbers down one; a logic that named the
 * removed condition cannot keep its meaning and goes back to requiring all of them.
 */
export function withoutCondition<T extends ConditionSetDraft>(set: T, index: number): T {
  const conditions = set.conditions.filter((_, at) => at !== index);
  const removed = index + 1;
  const numbers = set.logic.match(/\d+/g)?.map(Number) ?? [];
  if (!set.logicEdited || numbers.includes(removed)) {
    return { ...set, conditions, logic: defaultLogic(conditions.length), logicEdited: false };
  }
  const logic = set.logic.replace(/\d+/g, (key) => String(Number(key) > removed ? Number(key) - 1 : Number(key)));
  return { ...set, conditions, logic };
}

let nextUid = 1;

export function newCondition(spec: RuleCatalogEntry | undefined): ConditionDraft {
  const operator = spec?.operators.find((op) => op === '$more_than') ?? spec?.operators[0] ?? '';
  return {
    uid: nextUid++,
    name: spec?.name ?? '',
    operator,
    value: spec?.valueType === 'flag' ? 'true' : '',
    property: '',
    errorMessage: '',
    nested: null,
    kept: { conditions: {} },
  };
}

/** Whether a rule may be a line condition: it reads the order lines and may stand nested. */
export function isLineRule(spec: RuleCatalogEntry): boolean {
  return spec.group === 'order_items' && (spec.placement === 'nested' || spec.placement === 'anywhere');
}

export function emptyDraft(catalog: readonly RuleCatalogEntry[]): RuleDraft {
  const first = catalog.find((spec) => spec.name === 'order.amount') ?? catalog[0];
  return { name: '', conditions: [newCondition(first)], logic: '1', logicEdited: false, errorMessage: '' };
}

function formatValue(value: unknown, valueType: RuleValueType | undefined, kind: string | null): string {
  if (valueType === 'money' && typeof value === 'number') return (value / 100).toFixed(2);
  // A text that reads as a number or true/false keeps its quotes, so saving again sends it as text.
  if (typeof value === 'string') return kind === 'scalar' && readScalar(value) !== value ? `"${value}"` : value;
  if (typeof value === 'object' && value !== null) {
    const ref = value as { source_id?: string | null; id?: string | null };
    return ref.source_id ?? ref.id ?? '';
  }
  return String(value);
}

function hasRuleEntries(rules: Record<string, unknown> | undefined): boolean {
  return Object.keys(rules ?? {}).some((key) => key !== 'logic');
}

/** Nested rules the builder can show as line conditions: line rules it knows, none with nested rules of its own. */
function canEditAsLines(rules: RulesObject, catalog: ReadonlyMap<string, RuleCatalogEntry>): boolean {
  const entries = listRuleEntries(rules);
  // An entry that is not a rule object could not be shown, so the whole set stays as stored.
  if (entries.length !== Object.keys(rules).filter((key) => key !== 'logic').length) return false;
  // The builder numbers line conditions 1, 2, …; a logic over other keys would be lost, so such a set stays too.
  const keysInOrder = entries.every(([key], index) => key === String(index + 1));
  if (!keysInOrder && typeof rules.logic === 'string' && rules.logic.trim() !== '') return false;
  return entries.every(([, entry]) => {
    const spec = catalog.get(entry.name);
    return spec !== undefined && isLineRule(spec) && !hasRuleEntries(entry.rules);
  });
}

function toConditionDraft(entry: RuleEntry, catalog: ReadonlyMap<string, RuleCatalogEntry>): ConditionDraft {
  const spec = catalog.get(entry.name);
  const [first, ...others] = Object.entries(entry.conditions ?? {});
  const values = first ? (Array.isArray(first[1]) ? first[1] : [first[1]]) : [];
  const operator = first ? toCanonicalOperator(first[0]) : (spec?.operators[0] ?? '');
  const kind = spec ? findValueKind(spec.valueType, operator) : null;
  const stored = hasRuleEntries(entry.rules) ? (entry.rules as RulesObject) : undefined;
  const editable = stored !== undefined && spec?.takesNestedRules === true && canEditAsLines(stored, catalog);
  return {
    uid: nextUid++,
    name: entry.name,
    operator,
    value: values.map((value) => formatValue(value, spec?.valueType, kind)).join(', '),
    property: entry.property ?? '',
    errorMessage: entry.error?.message ?? '',
    nested: stored && editable ? toConditionSet(stored, catalog) : null,
    kept: { conditions: Object.fromEntries(others), ...(stored && !editable ? { rules: stored } : {}) },
  };
}

/** Stored rules (a whole definition or an item rule's nested rules) as conditions and their logic. */
function toConditionSet(rules: RulesObject, catalog: ReadonlyMap<string, RuleCatalogEntry>): ConditionSetDraft {
  const entries = listRuleEntries(rules);
  const conditions = entries.map(([, entry]) => toConditionDraft(entry, catalog));
  const logic = typeof rules.logic === 'string' ? rules.logic : '';
  // Stored keys may be other than 1, 2, …; the builder renumbers them, so an own logic is kept only if keys match.
  const keysInOrder = entries.every(([key], index) => key === String(index + 1));
  const logicEdited = keysInOrder && logic.trim() !== '' && logic.trim() !== defaultLogic(conditions.length);
  return { conditions, logic: logicEdited ? logic : defaultLogic(conditions.length), logicEdited };
}

/** A stored rule, ready to edit. */
export function toRuleDraft(rule: ValidationRule, catalog: ReadonlyMap<string, RuleCatalogEntry>): RuleDraft {
  return { name: rule.name, ...toConditionSet(rule.rules, catalog), errorMessage: rule.error?.message ?? '' };
}

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/** Metadata is compared by the type of the value: 5 and true as such, "5" in quotes as text. */
function readScalar(text: string): unknown {
  const quoted = /^"(.*)"$/.exec(text);
  if (quoted) return quoted[1];
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : text;
}

function readValue(kind: ValueKind | 'boolean', text: string): Parsed {
  const number = Number(text);
  switch (kind) {
    case 'money': {
      const minor = parseMoney(text);
      return minor === null
        ? { ok: false, problem: `“${text}” is not an amount like 10.00` }
        : { ok: true, value: minor };
    }
    case 'number':
      return Number.isFinite(number) && text !== ''
        ? { ok: true, value: number }
        : { ok: false, problem: `“${text}” is not a number` };
    case 'count':
      return Number.isSafeInteger(number) && number >= 0 && text !== ''
        ? { ok: true, value: number }
        : { ok: false, problem: `“${text}” is not a whole number` };
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'scalar':
      return { ok: true, value: readScalar(text) };
    case 'number_or_date':
      return { ok: true, value: Number.isFinite(number) && text !== '' ? number : text };
    case 'item_ref':
      return /^(prod|sku|pc)_/.test(text)
        ? { ok: true, value: { id: text } }
        : { ok: true, value: { source_id: text, object: 'product' } };
    default:
      return { ok: true, value: text };
  }
}

/** The id of a condition's field (`name`, `operator`, `property`, `value`, …) in the builder. */
export function conditionFieldId(uid: number, part: string): string {
  return `condition-${uid}-${part}`;
}

/** `label` names the condition in problems: "Condition 2", or "Condition 2, line condition 1". */
function buildEntry(
  condition: ConditionDraft,
  spec: RuleCatalogEntry,
  label: string,
  catalog: ReadonlyMap<string, RuleCatalogEntry>,
  problems: FormProblem[],
): RuleEntry {
  const at = (part: string, message: string) =>
    problems.push(problemAt(conditionFieldId(condition.uid, part), `${label}: ${message}`));
  const kind = findValueKind(spec.valueType, condition.operator);
  let values: unknown[] = [];
  if (kind !== null) {
    const texts = takesList(condition.operator) ? condition.value.split(',') : [condition.value];
    const trimmed = texts.map((text) => text.trim()).filter((text) => text !== '');
    if (trimmed.length === 0) at('value', 'enter a value.');
    for (const text of trimmed) {
      const parsed = readValue(kind, text);
      if (parsed.ok) values.push(parsed.value);
      else at('value', `${parsed.problem}.`);
    }
  } else {
    values = [];
  }
  if (spec.needsProperty && condition.property.trim() === '') {
    at('property', 'enter the metadata key to read.');
  }
  const lines = spec.takesNestedRules && condition.nested?.conditions.length ? condition.nested : null;
  const nested = lines
    ? buildConditionSet(lines, catalog, (position) => `${label}, line condition ${position}`, problems)
    : condition.kept.rules;
  const message = condition.errorMessage.trim();
  return {
    name: spec.name,
    ...(spec.needsProperty ? { property: condition.property.trim() } : {}),
    conditions: { ...condition.kept.conditions, [condition.operator]: values },
    ...(nested ? { rules: nested } : {}),
    ...(message === '' ? {} : { error: { message } }),
  };
}

/** The rules object of a set of conditions, keyed "1", "2", … with its logic; what is wrong goes to `problems`. */
function buildConditionSet(
  set: ConditionSetDraft,
  catalog: ReadonlyMap<string, RuleCatalogEntry>,
  labelOf: (position: number) => string,
  problems: FormProblem[],
): RulesObject {
  const rules: RulesObject = {};
  set.conditions.forEach((condition, index) => {
    const label = labelOf(index + 1);
    const spec = catalog.get(condition.name);
    if (!spec) problems.push(problemAt(conditionFieldId(condition.uid, 'name'), `${label}: choose what to check.`));
    else rules[String(index + 1)] = buildEntry(condition, spec, label, catalog, problems);
  });
  rules.logic = set.logicEdited ? set.logic.trim() : defaultLogic(set.conditions.length);
  return rules;
}

export const RULE_NAME_FIELD = 'rule-name';

/** The Voucherify rules object the draft stands for, or what to fix first. */
export function buildRulesObject(
  draft: RuleDraft,
  catalog: ReadonlyMap<string, RuleCatalogEntry>,
): { ok: true; rules: RulesObject } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (draft.name.trim() === '') problems.push(problemAt(RULE_NAME_FIELD, 'Enter a name.'));
  if (draft.conditions.length === 0) problems.push(formProblem('Add at least one condition.'));
  const rules = buildConditionSet(draft, catalog, (position) => `Condition ${position}`, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}
