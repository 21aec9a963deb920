import { listRuleChoices } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { useApiData } from '../../lib/use-api-data';

interface RuleSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (ruleId: string) => void;
}

/** An optional validation rule of the project; the empty choice means none. */
export function RuleSelect({ id, label, value, onChange }: RuleSelectProps) {
  const { data, error } = useApiData('campaign-form:rules', listRuleChoices);
  const rules = data ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">No rule</option>
        {rules.map((rule) => (
          <option key={rule.id} value={rule.id}>
            {rule.name}
          </option>
        ))}
      </select>
      {data && rules.length === 0 ? <p className="help">This project has no validation rules yet.</p> : null}
      <ErrorMessage error={error} />
    </div>
  );
}
