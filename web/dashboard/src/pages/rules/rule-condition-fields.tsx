import type { ReactNode } from 'react';
import type { RuleCatalogEntry } from '../../api/rules-api';
import { useFieldProblem } from '../../components/field-problems';
import { type ConditionDraft, conditionFieldId, findValueKind, takesList, type ValueKind } from './rule-draft';
import { describeGroup, describeOperator } from './rule-words';

interface RuleConditionFieldsProps {
  condition: ConditionDraft;
  position: number;
  /** What the fields stand for, in the legend and the remove button: a condition or an item rule's line condition. */
  noun?: 'condition' | 'line condition';
  /** The rules the condition may check where it stands (at the top, or on matched lines), in the catalog's order. */
  choices: readonly RuleCatalogEntry[];
  spec: RuleCatalogEntry | undefined;
  onChange: (condition: ConditionDraft) => void;
  onRemove: (() => void) | null;
  /** Shown after the condition's own fields, before its remove button: an item rule's line conditions. */
  children?: ReactNode;
}

const VALUE_HINTS: Record<ValueKind | 'boolean', string> = {
  money: 'An amount in the shop’s currency, e.g. 100.00.',
  number: 'A number, e.g. 3.',
  count: 'A whole number, e.g. 7.',
  text: 'A text.',
  scalar: 'Numbers and true/false are compared as such; put a value in "quotes" to compare it as text.',
  number_or_date: 'A number, or a date like 2026-12-31.',
  date: 'A date.',
  id: 'An id, e.g. seg_… or a tier id.',
  item_ref: 'Product source ids, or product (prod_…), SKU (sku_…) or collection (pc_…) ids.',
  boolean: '',
};

function groupChoices(choices: readonly RuleCatalogEntry[]): [string, RuleCatalogEntry[]][] {
  const groups = new Map<string, RuleCatalogEntry[]>();
  for (const spec of choices) groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  return [...groups.entries()];
}

/** One condition of the builder: what to check, how to compare, the value, its own message. */
export function RuleConditionFields({
  condition,
  position,
  noun = 'condition',
  choices,
  spec,
  onChange,
  onRemove,
  children,
}: RuleConditionFieldsProps) {
  const id = (part: string) => conditionFieldId(condition.uid, part);
  const set = (changes: Partial<ConditionDraft>) => onChange({ ...condition, ...changes });
  const kind = spec ? findValueKind(spec.valueType, condition.operator) : null;
  const list = takesList(condition.operator);

  const chooseRule = (name: string) => {
    const next = choices.find((choice) => choice.name === name);
    const operator = next?.operators.includes(condition.operator) ? condition.operator : (next?.operators[0] ?? '');
    // Line conditions fit any item rule, so they stay when one item rule is swapped for another.
    const keepsLines = next?.takesNestedRules === true;
    set({
      name,
      operator,
      value: next?.valueType === 'flag' ? 'true' : '',
      nested: keepsLines ? condition.nested : null,
      kept: { conditions: {}, ...(keepsLines && condition.kept.rules ? { rules: condition.kept.rules } : {}) },
    });
  };
  const title = `${noun === 'condition' ? 'Condition' : 'Line condition'} ${position}`;
  const nameProblem = useFieldProblem(id('name'), spec ? id('about') : undefined);
  const propertyProblem = useFieldProblem(id('property'));

  const hint = [kind ? VALUE_HINTS[kind] : '', list && kind !== 'boolean' ? 'Separate several values with commas.' : '']
    .filter((part) => part !== '')
    .join(' ');
  const valueProblem = useFieldProblem(id('value'), hint ? id('hint') : undefined);

  return (
    <fieldset className="fieldset rule-condition">
      <legend>{title}</legend>
      <div className="rule-condition-row">
        <div className="field">
          <label htmlFor={id('name')}>What to check</label>
          <select
            id={id('name')}
            {...nameProblem}
            value={condition.name}
            onChange={(event) => chooseRule(event.target.value)}
          >
            {spec ? null : <option value="">Choose…</option>}
            {groupChoices(choices).map(([group, specs]) => (
              <optgroup key={group} label={describeGroup(group)}>
                {specs.map((choice) => (
                  <option key={choice.name} value={choice.name}>
                    {choice.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {spec?.needsProperty ? (
          <div className="field">
            <label htmlFor={id('property')}>Metadata key</label>
            <input
              id={id('property')}
              {...propertyProblem}
              value={condition.property}
              onChange={(event) => set({ property: event.target.value })}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={id('operator')}>Comparison</label>
          <select
            id={id('operator')}
            value={condition.operator}
            onChange={(event) => set({ operator: event.target.value })}
          >
            {(spec?.operators ?? []).map((operator) => (
              <option key={operator} value={operator}>
                {describeOperator(operator)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'boolean' ? (
          <div className="field">
            <label htmlFor={id('value')}>Value</label>
            <select id={id('value')} value={condition.value} onChange={(event) => set({ value: event.target.value })}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          </div>
        ) : kind ? (
          <div className="field">
            <label htmlFor={id('value')}>{list ? 'Values' : 'Value'}</label>
            <input
              id={id('value')}
              type={kind === 'date' && !list ? 'date' : 'text'}
              inputMode={kind === 'money' || kind === 'number' ? 'decimal' : kind === 'count' ? 'numeric' : undefined}
              placeholder={kind === 'money' ? '100.00' : undefined}
              {...valueProblem}
              value={condition.value}
              onChange={(event) => set({ value: event.target.value })}
            />
          </div>
        ) : null}
      </div>
      {spec ? (
        <p id={id('about')} className="help">
          {spec.description}
        </p>
      ) : null}
      {hint ? (
        <p id={id('hint')} className="help">
          {hint}
        </p>
      ) : null}
      {Object.keys(condition.kept.conditions).length > 0 ? (
        <p className="help">Also keeps its other comparisons: {Object.keys(condition.kept.conditions).join(', ')}.</p>
      ) : null}
      <div className="field">
        <label htmlFor={id('error')}>Error message (optional)</label>
        <input
          id={id('error')}
          value={condition.errorMessage}
          onChange={(event) => set({ errorMessage: event.target.value })}
        />
      </div>
      {children}
      {onRemove ? (
        <div>
          <button type="button" className="button small" onClick={onRemove}>
            Remove {noun} {position}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
