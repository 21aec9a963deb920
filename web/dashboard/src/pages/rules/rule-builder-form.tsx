import { type FormEvent, useMemo, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import type { RuleCatalogEntry, ValidationRule, ValidationRuleInput } from '../../api/rules-api';
import { ErrorMessage } from '../../components/error-message';
import { FieldProblemsProvider, useFieldProblem } from '../../components/field-problems';
import type { FormProblem } from '../../components/form-problem';
import { ProblemSummary } from '../../components/problem-summary';
import { buildPath } from '../../router/link';
import { navigate } from '../../router/router';
import { RuleConditionFields } from './rule-condition-fields';
import {
  buildRulesObject,
  type ConditionDraft,
  defaultLogic,
  isLineRule,
  newCondition,
  RULE_NAME_FIELD,
  type RuleDraft,
  withoutCondition,
} from './rule-draft';
import { RuleLineConditions } from './rule-line-conditions';

interface RuleBuilderFormProps {
  initial: RuleDraft;
  catalog: readonly RuleCatalogEntry[];
  submitLabel: string;
  save: (input: ValidationRuleInput) => Promise<ValidationRule>;
}

function RuleNameField({ name, onChange }: { name: string; onChange: (name: string) => void }) {
  const nameProblem = useFieldProblem(RULE_NAME_FIELD);
  return (
    <div className="field">
      <label htmlFor={RULE_NAME_FIELD}>Name</label>
      <input id={RULE_NAME_FIELD} {...nameProblem} value={name} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** The visual rule builder: conditions from the engine's catalog, their logic, the messages. */
export function RuleBuilderForm({ initial, catalog, submitLabel, save }: RuleBuilderFormProps) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const byName = useMemo(() => new Map(catalog.map((spec) => [spec.name, spec])), [catalog]);
  // Rules that only stand nested under an item rule cannot be top-level conditions.
  const choices = useMemo(() => catalog.filter((spec) => spec.placement !== 'nested'), [catalog]);
  // An item rule's line conditions read the lines it matched.
  const lineChoices = useMemo(() => catalog.filter(isLineRule), [catalog]);
  const built = buildRulesObject(draft, byName);

  const setConditions = (conditions: ConditionDraft[]) =>
    setDraft((previous) => ({
      ...previous,
      conditions,
      logic: previous.logicEdited ? previous.logic : defaultLogic(conditions.length),
    }));
  const replaceCondition = (index: number, condition: ConditionDraft) =>
    setConditions(draft.conditions.map((item, at) => (at === index ? condition : item)));
  const lastName = draft.conditions.at(-1)?.name;

  const submitRule = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    const message = draft.errorMessage.trim();
    try {
      const saved = await save({
        name: draft.name.trim(),
        rules: built.rules,
        error: message === '' ? null : { message },
      });
      navigate(buildPath('validation-rules', saved.id));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="form rule-builder" onSubmit={submitRule} noValidate>
      <FieldProblemsProvider problems={problems}>
        <ProblemSummary intro="Please fix these before saving the rule:" problems={problems} />
        <ErrorMessage error={error} takeFocus />
        <RuleNameField name={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        {draft.conditions.map((condition, index) => (
          <RuleConditionFields
            key={condition.uid}
            condition={condition}
            position={index + 1}
            choices={choices}
            spec={byName.get(condition.name)}
            onChange={(changed) => replaceCondition(index, changed)}
            onRemove={
              draft.conditions.length > 1 ? () => setDraft((previous) => withoutCondition(previous, index)) : null
            }
          >
            {byName.get(condition.name)?.takesNestedRules ? (
              <RuleLineConditions
                condition={condition}
                lineChoices={lineChoices}
                onChange={(changed) => replaceCondition(index, changed)}
              />
            ) : null}
          </RuleConditionFields>
        ))}
        <div>
          <button
            type="button"
            className="button"
            onClick={() => setConditions([...draft.conditions, newCondition(byName.get(lastName ?? '') ?? choices[0])])}
          >
            Add condition
          </button>
        </div>
        <div className="field">
          <label htmlFor="rule-logic">Logic</label>
          <input
            id="rule-logic"
            aria-describedby="rule-logic-help"
            value={draft.logic}
            onChange={(event) => setDraft({ ...draft, logic: event.target.value, logicEdited: true })}
          />
          <p id="rule-logic-help" className="help">
            How the conditions combine, by number: e.g. “(1 or 2) and 3”. Blank means all of them.
            {draft.logicEdited ? (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    setDraft({ ...draft, logic: defaultLogic(draft.conditions.length), logicEdited: false })
                  }
                >
                  Require all conditions
                </button>
              </>
            ) : null}
          </p>
        </div>
        <div className="field">
          <label htmlFor="rule-error">Error message of the rule (optional)</label>
          <input
            id="rule-error"
            aria-describedby="rule-error-help"
            value={draft.errorMessage}
            onChange={(event) => setDraft({ ...draft, errorMessage: event.target.value })}
          />
          <p id="rule-error-help" className="help">
            Shown when a condition without a message of its own fails.
          </p>
        </div>
        <details className="rule-json">
          <summary>Rules object to be sent</summary>
          <pre>{built.ok ? JSON.stringify(built.rules, null, 2) : 'Complete the conditions to see it.'}</pre>
        </details>
      </FieldProblemsProvider>
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
