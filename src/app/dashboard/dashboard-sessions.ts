import { createHash, randomBytes } from 'node:crypto';
import type { DashboardUser } from '../../domain/dashboard/dashboard-user.js';
import { AppError } from '../../domain/errors.js';
import type { Project } from '../../domain/projects/project.js';
import type { Clock, Store } from '../ports.js';
import type { StoredDashboardUser } from '../repositories/dashboard-user-repository.js';
import { UNMATCHABLE_HASH, verifyPassword } from './password-hash.js';

/** How long a sign-in lasts: a working week, after which the dashboard asks again. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Who is signed in and what they may open. */
export interface DashboardSignedIn {
  user: DashboardUser;
  projects: Project[];
}

function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function publicUser({ password_hash: _hash, ...user }: StoredDashboardUser): DashboardUser {
  return user;
}

/** The project with this id, if the user may open it: any for an admin, one granted for a member. */
export async function findOpenableProject(
  store: Store,
  user: DashboardUser,
  projectId: string,
): Promise<Project | undefined> {
  if (user.role !== 'admin' && !(await store.dashboardUsers.grantedProjectIds(user.id)).includes(projectId)) {
    return undefined;
  }
  return store.projects.findById(projectId);
}

/** The projects a user may open: every one for an admin, those granted for a member. */
export async function projectsOf(store: Store, user: DashboardUser): Promise<Project[]> {
  if (user.role === 'admin') {
    const all = await store.projects.list({ limit: 1000, page: 1, order: { field: 'created_at', direction: 'asc' } });
    return all.items;
  }
  const projects: Project[] = [];
  for (const id of await store.dashboardUsers.grantedProjectIds(user.id)) {
    const project = await store.projects.findById(id);
    if (project) projects.push(project);
  }
  return projects;
}

/**
 * Signs a user in: a new random token for the cookie, stored only as its hash. A wrong email and
 * a wrong password get the same answer after the same work, so neither tells which accounts exist.
 */
export async function signIn(
  store: Store,
  clock: Clock,
  credentials: { email: string; password: string },
): Promise<DashboardSignedIn & { token: string; expiresAt: Date }> {
  const user = await store.dashboardUsers.findByEmail(credentials.email.trim().toLowerCase());
  const matches = await verifyPassword(credentials.password, user?.password_hash ?? UNMATCHABLE_HASH);
  if (!user || !matches) throw new AppError('unauthorized', { details: 'Wrong email or password' });
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await store.dashboardUsers.insertSession({
    token_hash: tokenHashOf(token),
    user_id: user.id,
    expires_at: expiresAt.toISOString(),
    created_at: now.toISOString(),
  });
  const signedIn = publicUser(user);
  return { token, expiresAt, user: signedIn, projects: await projectsOf(store, signedIn) };
}

/** The user a session token belongs to while it lives; undefined for an unknown or ended one. */
export async function findSignedInUser(store: Store, clock: Clock, token: string): Promise<DashboardUser | undefined> {
  const found = await store.dashboardUsers.findSession(tokenHashOf(token), clock.now().toISOString());
  return found && publicUser(found.user);
}

export async function signOut(store: Store, token: string): Promise<void> {
  await store.dashboardUsers.deleteSession(tokenHashOf(token));
}
