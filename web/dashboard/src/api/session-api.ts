import { requestDashboard } from './api-client';
import type { Session } from './api-types';

export function fetchSession(): Promise<Session> {
  return requestDashboard<Session>('/session');
}

export function signIn(email: string, password: string): Promise<Session> {
  // A 401 here is a wrong password for the form to show, not a session that ended.
  return requestDashboard<Session>('/session', { method: 'POST', body: { email, password }, canEndSession: false });
}

export function signOut(): Promise<void> {
  return requestDashboard<void>('/session', { method: 'DELETE' });
}
