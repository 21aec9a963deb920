import type { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';
import { FormProblems } from './form-problems';

interface CampaignFormStartProps {
  problems: readonly string[];
  /** What the form does, for its problem summary: "creating the campaign". */
  action: string;
  error: ApiError | null;
  name: string;
  onNameChange: (name: string) => void;
}

/** How every new-campaign form begins: what to fix, what the server said, then the campaign's name. */
export function CampaignFormStart({ problems, action, error, name, onNameChange }: CampaignFormStartProps) {
  return (
    <>
      <FormProblems problems={problems} action={action} />
      <ErrorMessage error={error} />
      <div className="field">
        <label htmlFor="campaign-name">Name</label>
        <input id="campaign-name" required value={name} onChange={(event) => onNameChange(event.target.value)} />
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
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
