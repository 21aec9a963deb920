import type { FormProblem } from '../../components/form-problem';
import { ProblemSummary } from '../../components/problem-summary';

/** What stops a new-campaign form from being sent, listed, announced and focused. */
export function FormProblems({ problems, action }: { problems: readonly FormProblem[]; action: string }) {
  return <ProblemSummary intro={`Please fix these before ${action}:`} problems={problems} />;
}
