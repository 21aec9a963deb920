import { useEffect, useRef } from 'react';
import type { ApiError } from '../api/api-error';

interface ErrorMessageProps {
  error: ApiError | null;
  /**
   * For what the server answered to something the user just did (a submit, a button): the message
   * takes the focus, so a keyboard or screen-reader user is where the explanation is.
   */
  takeFocus?: boolean;
}

/** The server's message and details, announced to screen readers as they appear. */
export function ErrorMessage({ error, takeFocus = false }: ErrorMessageProps) {
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus && error) messageRef.current?.focus();
  }, [error, takeFocus]);

  if (!error) return null;
  return (
    <div ref={messageRef} className="error" role="alert" tabIndex={takeFocus ? -1 : undefined}>
      <p className="error-message">{error.message}</p>
      {error.details ? <p className="error-details">{error.details}</p> : null}
    </div>
  );
}
