import type { RuleCheckResult, RuleConditionOutcome } from '../../api/rules-api';

interface RuleCheckOutcomeProps {
  result: RuleCheckResult;
  /** Each rule key's condition in words, to say which one failed. */
  conditionNames: Map<string, string>;
}

/** In words, so the outcome never rests on colour alone. */
function describeMet(met: boolean | null): string {
  if (met === null) return 'unknown (counts are not known here)';
  return met ? 'met' : 'not met';
}

/** Every condition on its own, before the rule's logic combines them (a `not` turns "met" against the cart). */
function ConditionOutcomes({
  conditions,
  conditionNames,
}: {
  conditions: readonly RuleConditionOutcome[];
  conditionNames: Map<string, string>;
}) {
  if (conditions.length === 0) return null;
  return (
    <>
      <p>Each condition on its own:</p>
      <ul className="rule-check-conditions">
        {conditions.map((condition) => (
          <li key={condition.rule}>
            Condition {condition.rule} ({conditionNames.get(condition.rule) ?? condition.name}):{' '}
            <strong>{describeMet(condition.met)}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Whether the cart passed, and if not, which conditions failed with their messages; then each condition's own outcome. */
export function RuleCheckOutcome({ result, conditionNames }: RuleCheckOutcomeProps) {
  const conditions = <ConditionOutcomes conditions={result.conditions ?? []} conditionNames={conditionNames} />;
  if (result.valid) {
    return (
      <div className="rule-check rule-check-pass">
        <p>
          <strong>Passes.</strong> The cart meets the rule.
        </p>
        {conditions}
      </div>
    );
  }
  const failed = result.failed_rules ?? [];
  return (
    <div className="rule-check rule-check-fail">
      <p>
        <strong>Fails.</strong>{' '}
        {failed.length > 0
          ? 'The cart does not meet these conditions:'
          : (result.error?.message ?? 'The cart does not meet the rule.')}
      </p>
      {failed.length > 0 ? (
        <ul>
          {failed.map((rule) => (
            <li key={`${rule.rule}:${rule.message}`}>
              Condition {rule.rule} ({conditionNames.get(rule.rule) ?? rule.name}): {rule.message}
            </li>
          ))}
        </ul>
      ) : null}
      {conditions}
    </div>
  );
}
