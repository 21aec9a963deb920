import { useCallback, useEffect, useState } from 'react';
import { setCurrentProject, setSignedOutHandler } from './api/api-client';
import { type ApiError, toApiError } from './api/api-error';
import type { Session } from './api/api-types';
import { fetchSession, signOut } from './api/session-api';
import { AppLayout } from './app-layout';
import { ErrorMessage } from './components/error-message';
import { chooseProject, rememberProject } from './lib/project-choice';
import { SignInPage } from './pages/sign-in-page';
import { navigate, useLocation } from './router/router';
import { renderRoute } from './routes';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'signed-in'; session: Session; projectId: string | null };

function toSignedInState(session: Session): SessionState {
  const project = chooseProject(session.projects);
  setCurrentProject(project?.id ?? null);
  return { kind: 'signed-in', session, projectId: project?.id ?? null };
}

export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const location = useLocation();

  useEffect(() => {
    setSignedOutHandler(() => setState({ kind: 'signed-out' }));
    fetchSession().then(
      (session) => setState(toSignedInState(session)),
      (error: unknown) => {
        const apiError = toApiError(error);
        setState(apiError.status === 401 ? { kind: 'signed-out' } : { kind: 'failed', error: apiError });
      },
    );
  }, []);

  const changeProject = useCallback((projectId: string) => {
    rememberProject(projectId);
    setCurrentProject(projectId);
    setState((previous) => (previous.kind === 'signed-in' ? { ...previous, projectId } : previous));
    // Ids of one project mean nothing in another: start again from its campaigns.
    navigate('/campaigns');
  }, []);

  const endSession = useCallback(async () => {
    try {
      await signOut();
    } finally {
      setCurrentProject(null);
      setState({ kind: 'signed-out' });
    }
  }, []);

  if (state.kind === 'loading') {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <main className="sign-in">
        <h1>Vouch is not available</h1>
        <ErrorMessage error={state.error} />
      </main>
    );
  }
  if (state.kind === 'signed-out') {
    return <SignInPage onSignedIn={(session) => setState(toSignedInState(session))} />;
  }

  const project = state.session.projects.find((item) => item.id === state.projectId);
  if (!project) {
    return (
      <main className="sign-in">
        <h1>No project yet</h1>
        <p>Your account ({state.session.user.email}) has no project. Ask an admin to add you to one.</p>
        <button type="button" className="button" onClick={endSession}>
          Sign out
        </button>
      </main>
    );
  }
  return (
    <AppLayout
      session={state.session}
      project={project}
      path={location.path}
      onProjectChange={changeProject}
      onSignOut={endSession}
    >
      {/* Keyed by project and path: a page loads afresh for another object or project, keeps its data on paging. */}
      <div key={`${project.id}:${location.path}`}>{renderRoute(location)}</div>
    </AppLayout>
  );
}
