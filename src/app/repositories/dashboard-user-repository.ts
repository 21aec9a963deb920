import type { DashboardRole, DashboardUser } from '../../domain/dashboard/dashboard-user.js';

export interface StoredDashboardUser extends DashboardUser {
  password_hash: string;
}

/** A session as stored: the hash of its cookie token, whose it is, and until when. */
export interface DashboardSessionRow {
  token_hash: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

/** The dashboard's users, the projects each may open, and their sign-in sessions. Not scoped to a project. */
export interface DashboardUserRepository {
  findByEmail(email: string): Promise<StoredDashboardUser | undefined>;
  findById(id: string): Promise<StoredDashboardUser | undefined>;
  /** Inserts a user; false when the email is taken. */
  insert(user: StoredDashboardUser): Promise<boolean>;
  updatePassword(id: string, passwordHash: string, now: string): Promise<void>;
  updateRole(id: string, role: DashboardRole, now: string): Promise<void>;
  grantProject(userId: string, projectId: string): Promise<void>;
  /** Ids of the projects granted to a member (an admin's role grants every project). */
  grantedProjectIds(userId: string): Promise<string[]>;
  insertSession(session: DashboardSessionRow): Promise<void>;
  /** The live session with this token hash and its user; expired sessions are never returned. */
  findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ session: DashboardSessionRow; user: StoredDashboardUser } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user (a password change). */
  deleteSessionsOf(userId: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;
}
