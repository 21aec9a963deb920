import type { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';
import { useFieldProblem } from '../../components/field-problems';
import { type FormProblem, problemAt } from '../../components/form-problem';
import { FormProblems } from './form-problems';

interface CampaignFormStartProps {
  problems: readonly FormProblem[];
  /** What the form does, for its problem summary: "creating the campaign". */
  action: string;
  error: ApiError | null;
  name: string;
  onNameChange: (name: string) => void;
}

export const CAMPAIGN_NAME_FIELD = 'campaign-name';

/** The problem of a new campaign without a name, pointing at its name field. */
export function checkCampaignName(name: string): FormProblem[] {
  return name.trim() === '' ? [problemAt(CAMPAIGN_NAME_FIELD, 'Enter a name.')] : [];
}

/** How every new-campaign form begins: what to fix, what the server said, then the campaign's name. */
export function CampaignFormStart({ problems, action, error, name, onNameChange }: CampaignFormStartProps) {
  const nameProblem = useFieldProblem(CAMPAIGN_NAME_FIELD);
  return (
    <>
      <FormProblems problems={problems} action={action} />
      <ErrorMessage error={error} takeFocus />
      <div className="field">
        <label htmlFor={CAMPAIGN_NAME_FIELD}>Name</label>
        <input
          id={CAMPAIGN_NAME_FIELD}
          required
          {...nameProblem}
          value={name}
          onChange={(event) => onNameChange(event.target.value)}
        />
      </div>
    </>
  );
}

interface CountFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** How many codes or cards to make: a whole number, checked with the rest of the form on submit. */
export function CountField({ id, label, value, onChange }: CountFieldProps) {
  const countProblem = useFieldProblem(id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        required
        {...countProblem}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
