import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';
import { FieldProblemsProvider, useFieldProblem } from '../../components/field-problems';
import { type FormProblem, problemAt } from '../../components/form-problem';
import { FormProblems } from './form-problems';

interface NewCampaignFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What the last refused submit found: listed first, and marked on the fields inside. */
  problems: readonly FormProblem[];
  /** What the form does, for its problem summary: "creating the campaign". */
  action: string;
  error: ApiError | null;
  name: string;
  onNameChange: (name: string) => void;
  /** The fields of the campaign type, after its name. */
  children: ReactNode;
}

export const CAMPAIGN_NAME_FIELD = 'campaign-name';

/** The problem of a new campaign without a name, pointing at its name field. */
export function checkCampaignName(name: string): FormProblem[] {
  return name.trim() === '' ? [problemAt(CAMPAIGN_NAME_FIELD, 'Enter a name.')] : [];
}

/**
 * Every new-campaign form: what to fix, what the server said, the campaign's name, then the type's
 * own fields, which see the problems that name them (FieldProblemsProvider). The browser's own
 * checks are off: the form checks on submit and says everything at once.
 */
export function NewCampaignForm({
  onSubmit,
  problems,
  action,
  error,
  name,
  onNameChange,
  children,
}: NewCampaignFormProps) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FieldProblemsProvider problems={problems}>
        <FormProblems problems={problems} action={action} />
        <ErrorMessage error={error} takeFocus />
        <CampaignNameField name={name} onNameChange={onNameChange} />
        {children}
      </FieldProblemsProvider>
    </form>
  );
}

function CampaignNameField({ name, onNameChange }: Pick<NewCampaignFormProps, 'name' | 'onNameChange'>) {
  const nameProblem = useFieldProblem(CAMPAIGN_NAME_FIELD);
  return (
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
