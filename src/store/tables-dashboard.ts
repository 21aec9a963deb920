/** Row types of the dashboard's users and sessions (migration 0018). */

export interface DashboardUsersTable {
  id: string;
  /** Lower-cased: one account per address, however it is typed. */
  email: string;
  /** `scrypt$N$r$p$salt$hash` (see password-hash.ts). */
  password_hash: string;
  role: 'admin' | 'member';
  created_at: string;
  updated_at: string | null;
}

export interface DashboardUserProjectsTable {
  user_id: string;
  project_id: string;
}

export interface DashboardSessionsTable {
  /** SHA-256 of the cookie's token, hex. */
  token_hash: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}
