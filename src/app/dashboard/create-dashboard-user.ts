import {
  checkPassword,
  type DashboardRole,
  type DashboardUser,
  normalizeEmail,
} from '../../domain/dashboard/dashboard-user.js';
import { AppError } from '../../domain/errors.js';
import type { Clock, Ids, Store } from '../ports.js';
import { hashPassword, verifyPassword } from './password-hash.js';

export interface NewDashboardUser {
  email: string;
  password: string;
  role: DashboardRole;
  /** Projects a member may open; an admin opens every project anyway. */
  projectIds?: readonly string[];
}

/** Creates a dashboard user (`vouch users create`); 409 when the email already has an account. */
export async function createDashboardUser(
  store: Store,
  clock: Clock,
  ids: Ids,
  request: NewDashboardUser,
): Promise<DashboardUser> {
  const email = normalizeEmail(request.email);
  checkPassword(request.password);
  for (const projectId of request.projectIds ?? []) {
    if (!(await store.projects.findById(projectId))) {
      throw new AppError('not_found', { details: `Cannot find project with id ${projectId}` });
    }
  }
  const user: DashboardUser = {
    id: ids.newId('usr_'),
    email,
    role: request.role,
    created_at: clock.now().toISOString(),
  };
  const inserted = await store.dashboardUsers.insert({ ...user, password_hash: await hashPassword(request.password) });
  if (!inserted) throw new AppError('duplicate_found', { details: `A dashboard user with email ${email} exists` });
  for (const projectId of request.projectIds ?? []) await store.dashboardUsers.grantProject(user.id, projectId);
  return user;
}

/**
 * The admin the environment names (VOUCH_ADMIN_EMAIL, VOUCH_ADMIN_PASSWORD) exists and signs in
 * with that password: created on the first start, and, as the keys set in the environment do,
 * following the environment when the password there changes (which ends the admin's sessions).
 */
export async function ensureEnvironmentAdmin(
  store: Store,
  clock: Clock,
  ids: Ids,
  admin: { email: string; password: string },
): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await store.dashboardUsers.findByEmail(normalizeEmail(admin.email));
  if (!existing) {
    try {
      await createDashboardUser(store, clock, ids, { ...admin, role: 'admin' });
      return 'created';
    } catch (error) {
      // Processes starting together on a new database: another one created the admin first.
      if (error instanceof AppError && error.key === 'duplicate_found') {
        return ensureEnvironmentAdmin(store, clock, ids, admin);
      }
      throw error;
    }
  }
  const now = clock.now().toISOString();
  let outcome: 'updated' | 'unchanged' = 'unchanged';
  if (!(await verifyPassword(admin.password, existing.password_hash))) {
    checkPassword(admin.password);
    await store.dashboardUsers.updatePassword(existing.id, await hashPassword(admin.password), now);
    await store.dashboardUsers.deleteSessionsOf(existing.id);
    outcome = 'updated';
  }
  if (existing.role !== 'admin') {
    await store.dashboardUsers.updateRole(existing.id, 'admin', now);
    outcome = 'updated';
  }
  return outcome;
}
