import { createContext, type ReactNode, useContext, useId } from 'react';
import { type FormProblem, problemElementId } from './form-problem';

interface FieldProblems {
  problems: readonly FormProblem[];
  /** Unique to the form, for the ids of its summary's entries. */
  formId: string;
}

const FieldProblemsContext = createContext<FieldProblems>({ problems: [], formId: 'form' });

/**
 * Gives the fields inside a form, and its ProblemSummary, what its last refused submit found wrong
 * with each of them.
 */
export function FieldProblemsProvider({
  problems,
  children,
}: {
  problems: readonly FormProblem[];
  children: ReactNode;
}) {
  const formId = useId();
  return <FieldProblemsContext.Provider value={{ problems, formId }}>{children}</FieldProblemsContext.Provider>;
}

/** The id the summary's entries take their ids from (see problemElementId). */
export function useProblemFormId(): string {
  return useContext(FieldProblemsContext).formId;
}

export interface FieldProblemProps {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * The attributes that tell a screen reader a field was refused and why: `aria-invalid`, and its
 * description extended with the summary's entries that name it. `describedBy` keeps the field's
 * own help text. For a field inside a `FieldProblemsProvider`.
 */
export function useFieldProblem(fieldId: string, describedBy?: string): FieldProblemProps {
  const { problems, formId } = useContext(FieldProblemsContext);
  const entries = problems.flatMap((problem, index) =>
    problem.field === fieldId ? [problemElementId(formId, index)] : [],
  );
  const description = [...(describedBy ? [describedBy] : []), ...entries].join(' ');
  return {
    ...(entries.length > 0 ? { 'aria-invalid': true } : {}),
    ...(description ? { 'aria-describedby': description } : {}),
  };
}
