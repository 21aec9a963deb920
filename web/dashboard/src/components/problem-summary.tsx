import { useEffect, useRef } from 'react';

interface ProblemSummaryProps {
  /** Says what the problems stop, e.g. "Please fix these before saving the rule:". */
  intro: string;
  /** A new list on each refused submit, even with the same problems: each one moves the focus again. */
  problems: readonly string[];
}

/**
 * What stops a form from being sent, listed above it and announced. A refused submit also moves the
 * focus here: on a phone the list is screens above the button, and a keyboard user goes on from it
 * to the fields.
 */
export function ProblemSummary({ intro, problems }: ProblemSummaryProps) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);

  if (problems.length === 0) return null;
  return (
    <div ref={summaryRef} className="error" role="alert" tabIndex={-1}>
      <p className="error-message">{intro}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
