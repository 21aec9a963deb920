import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import type { Session } from '../api/api-types';
import { signIn } from '../api/session-api';
import { ErrorMessage } from '../components/error-message';
import { useDocumentTitle } from '../lib/use-document-title';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useDocumentTitle('Sign in');

  const submitSignIn = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email, password));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card form" onSubmit={submitSignIn} aria-labelledby="sign-in-heading">
        <p className="brand">Vouch</p>
        <h1 id="sign-in-heading">Sign in</h1>
        <ErrorMessage error={error} takeFocus />
        <div className="field">
          <label htmlFor="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
