/** What stops a form from being sent, listed and announced. */
export function FormProblems({ problems, action }: { problems: readonly string[]; action: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="error" role="alert">
      <p className="error-message">Please fix these before {action}:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
