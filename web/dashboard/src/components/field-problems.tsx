import { createContext, type ReactNode, useContext } from 'react';
import { type FormProblem, problemElementId } from './form-problem';

const FieldProblemsContext = createContext<readonly FormProblem[]>([]);

/** Gives the fields inside a form what its last refused submit found wrong with each of them. */
export function FieldProblemsProvider({
  problems,
  children,
}: {
  problems: readonly FormProblem[];
  children: ReactNode;
}) {
  return <FieldProblemsContext.Provider value={problems}>{children}</FieldProblemsContext.Provider>;
}

export interface FieldProblemProps {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * The attributes that tell a screen reader a field was refused and why: `aria-invalid`, and its
 * description extended with the summary's entries that name it. `describedBy` keeps the field's
 * own help text.
 */
export function fieldProblemProps(
  problems: readonly FormProblem[],
  fieldId: string,
  describedBy?: string,
): FieldProblemProps {
  const entries = problems.flatMap((problem, index) => (problem.field === fieldId ? [problemElementId(index)] : []));
  const description = [...(describedBy ? [describedBy] : []), ...entries].join(' ');
  return {
    ...(entries.length > 0 ? { 'aria-invalid': true } : {}),
    ...(description ? { 'aria-describedby': description } : {}),
  };
}

/** `fieldProblemProps` for a field inside a `FieldProblemsProvider`. */
export function useFieldProblem(fieldId: string, describedBy?: string): FieldProblemProps {
  return fieldProblemProps(useContext(FieldProblemsContext), fieldId, describedBy);
}
