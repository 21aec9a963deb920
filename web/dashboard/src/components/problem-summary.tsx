import { type MouseEvent, useEffect, useRef } from 'react';
import { useProblemFormId } from './field-problems';
import { type FormProblem, problemElementId } from './form-problem';

interface ProblemSummaryProps {
  /** Says what the problems stop, e.g. "Please fix these before saving the rule:". */
  intro: string;
  /** A new list on each refused submit, even with the same problems: each one moves the focus again. */
  problems: readonly FormProblem[];
}

/** Follows a problem's link by focusing its field (a plain `#id` link would only scroll there). */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(field);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * What stops a form from being sent, listed above it and announced; inside the form's
 * FieldProblemsProvider, whose fields point at its entries. A refused submit also moves the
 * focus here: on a phone the list is screens above the button, and a keyboard user goes on from it
 * to the fields, each problem linking to the field that holds it.
 */
export function ProblemSummary({ intro, problems }: ProblemSummaryProps) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const formId = useProblemFormId();
  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);

  if (problems.length === 0) return null;
  return (
    <div ref={summaryRef} className="error" role="alert" tabIndex={-1}>
      <p className="error-message">{intro}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.field ?? ''}:${problem.message}`} id={problemElementId(formId, index)}>
            {problem.field ? (
              <a href={`#${problem.field}`} onClick={(event) => focusField(event, problem.field as string)}>
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
