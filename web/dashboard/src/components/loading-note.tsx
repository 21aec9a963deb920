/** Said while a page loads; a live region so screen readers hear it. */
export function LoadingNote({ loading }: { loading: boolean }) {
  return (
    <p className="loading" role="status">
      {loading ? 'Loading…' : ''}
    </p>
  );
}
