import type { RuleCatalogEntry } from '../../api/rules-api';
import { type ConditionDraft, findValueKind, takesList, type ValueKind } from './rule-draft';
import { describeGroup, describeOperator } from './rule-words';

interface RuleConditionFieldsProps {
  condition: ConditionDraft;
  position: number;
  /** The rules a condition may check at the top of a definition, in the catalog's order. */
  choices: readonly RuleCatalogEntry[];
  spec: RuleCatalogEntry | undefined;
  onChange: (condition: ConditionDraft) => void;
  onRemove: (() => void) | null;
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
  choices,
  spec,
  onChange,
  onRemove,
}: RuleConditionFieldsProps) {
  const id = (part: string) => `condition-${condition.uid}-${part}`;
  const set = (changes: Partial<ConditionDraft>) => onChange({ ...condition, ...changes });
  const kind = spec ? findValueKind(spec.valueType, condition.operator) : null;
  const list = takesList(condition.operator);

  const chooseRule = (name: string) => {
    const next = choices.find((choice) => choice.name === name);
    const operator = next?.operators.includes(condition.operator) ? condition.operator : (next?.operators[0] ?? '');
    set({ name, operator, value: next?.valueType === 'flag' ? 'true' : '', kept: { conditions: {} } });
  };

  const hint = [kind ? VALUE_HINTS[kind] : '', list && kind !== 'boolean' ? 'Separate several values with commas.' : '']
    .filter((part) => part !== '')
    .join(' ');

  return (
    <fieldset className="fieldset rule-condition">
      <legend>Condition {position}</legend>
      <div className="rule-condition-row">
        <div className="field">
          <label htmlFor={id('name')}>What to check</label>
          <select id={id('name')} value={condition.name} onChange={(event) => chooseRule(event.target.value)}>
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
              aria-describedby={hint ? id('hint') : undefined}
              value={condition.value}
              onChange={(event) => set({ value: event.target.value })}
            />
          </div>
        ) : null}
      </div>
      {spec ? <p className="help">{spec.description}</p> : null}
      {hint ? (
        <p id={id('hint')} className="help">
          {hint}
        </p>
      ) : null}
      {spec?.takesNestedRules ? (
        <p className="help">
          Nested rules (conditions on the matched lines) cannot be built here yet; a stored rule keeps the ones it has.
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
      {onRemove ? (
        <div>
          <button type="button" className="button small" onClick={onRemove}>
            Remove condition {position}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
