import type { RuleCheckResult } from '../../api/rules-api';

interface RuleCheckOutcomeProps {
  result: RuleCheckResult;
  /** Each rule key's condition in words, to say which one failed. */
  conditionNames: Map<string, string>;
}

/** Whether the cart passed, and if not, which conditions failed with their messages. */
export function RuleCheckOutcome({ result, conditionNames }: RuleCheckOutcomeProps) {
  if (result.valid) {
    return (
      <p className="rule-check rule-check-pass">
        <strong>Passes.</strong> The cart meets the rule.
      </p>
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
    </div>
  );
}
