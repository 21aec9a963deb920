import type { ApiError } from '../api/api-error';

/** The server's message and details, announced to screen readers as they appear. */
export function ErrorMessage({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <p className="error-message">{error.message}</p>
      {error.details ? <p className="error-details">{error.details}</p> : null}
    </div>
  );
}
