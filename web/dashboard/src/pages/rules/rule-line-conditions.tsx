import { useEffect, useRef } from 'react';
import type { RuleCatalogEntry } from '../../api/rules-api';
import { RuleConditionFields } from './rule-condition-fields';
import {
  type ConditionDraft,
  type ConditionSetDraft,
  defaultLogic,
  newCondition,
  withoutCondition,
} from './rule-draft';

interface RuleLineConditionsProps {
  /** The item condition (order.items.any, …) whose matched lines these conditions check. */
  condition: ConditionDraft;
  /** The rules a line condition may check: the catalog's line rules. */
  lineChoices: readonly RuleCatalogEntry[];
  onChange: (condition: ConditionDraft) => void;
}

/** The rule a new line condition checks: the one before it, else the quantity, as most line conditions do. */
function pickNewLineRule(lineChoices: readonly RuleCatalogEntry[], lastName: string | undefined) {
  return (
    lineChoices.find((spec) => spec.name === lastName) ??
    lineChoices.find((spec) => spec.name === 'order.items.quantity') ??
    lineChoices[0]
  );
}

/** An item rule's nested rules as the builder edits them: conditions on the cart lines it matched, and their logic. */
export function RuleLineConditions({ condition, lineChoices, onChange }: RuleLineConditionsProps) {
  const id = (part: string) => `condition-${condition.uid}-lines-${part}`;
  const nested = condition.nested;
  const lines = nested?.conditions ?? [];
  // Adding or removing a line condition moves the focus to where the keyboard user goes on from, not to the page.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const setNested = (set: ConditionSetDraft | null) => onChange({ ...condition, nested: set });
  const setLines = (conditions: ConditionDraft[]) =>
    setNested(
      conditions.length === 0
        ? null
        : {
            conditions,
            logic: nested?.logicEdited ? nested.logic : defaultLogic(conditions.length),
            logicEdited: nested?.logicEdited ?? false,
          },
    );
  const addLine = () => {
    const added = newCondition(pickNewLineRule(lineChoices, lines.at(-1)?.name));
    focusNext.current = `condition-${added.uid}-name`;
    setLines([...lines, added]);
  };
  const removeLine = (index: number) => {
    focusNext.current = id('add');
    const remaining = nested ? withoutCondition(nested, index) : null;
    setNested(remaining && remaining.conditions.length > 0 ? remaining : null);
  };

  if (condition.kept.rules) {
    return (
      <div className="rule-line-conditions">
        <p className="help">
          This condition has nested rules the builder cannot show; saving keeps them unchanged (see the rules object
          below).{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              focusNext.current = id('add');
              onChange({ ...condition, kept: { conditions: condition.kept.conditions } });
            }}
          >
            Replace them with line conditions
          </button>
        </p>
      </div>
    );
  }

  return (
    <fieldset className="fieldset rule-line-conditions" aria-describedby={id('help')}>
      <legend>Conditions on the matched lines (optional)</legend>
      <p id={id('help')} className="help">
        A listed item counts only with a cart line that meets these, e.g. “Item quantity is more than 1”. Totals add up
        all of the item’s lines.
      </p>
      {lines.map((line, index) => (
        <RuleConditionFields
          key={line.uid}
          condition={line}
          position={index + 1}
          noun="line condition"
          choices={lineChoices}
          spec={lineChoices.find((spec) => spec.name === line.name)}
          onChange={(changed) => setLines(lines.map((item, at) => (at === index ? changed : item)))}
          onRemove={() => removeLine(index)}
        />
      ))}
      <div>
        <button id={id('add')} type="button" className="button" onClick={addLine}>
          Add line condition
        </button>
      </div>
      {nested ? (
        <div className="field">
          <label htmlFor={id('logic')}>Logic of the line conditions</label>
          <input
            id={id('logic')}
            aria-describedby={id('logic-help')}
            value={nested.logic}
            onChange={(event) => setNested({ ...nested, logic: event.target.value, logicEdited: true })}
          />
          <p id={id('logic-help')} className="help">
            How the line conditions combine, by number: e.g. “1 or 2”. Blank means all of them.
            {nested.logicEdited ? (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    setNested({ ...nested, logic: defaultLogic(nested.conditions.length), logicEdited: false })
                  }
                >
                  Require all line conditions
                </button>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
