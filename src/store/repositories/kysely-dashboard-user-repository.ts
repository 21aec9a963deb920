import type { Kysely } from 'kysely';
import type {
  DashboardSessionRow,
  DashboardUserRepository,
  StoredDashboardUser,
} from '../../app/repositories/dashboard-user-repository.js';
import type { DashboardRole } from '../../domain/dashboard/dashboard-user.js';
import type { Database } from '../tables.js';

const USER_COLUMNS = ['id', 'email', 'password_hash', 'role', 'created_at'] as const;

export class KyselyDashboardUserRepository implements DashboardUserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findByEmail(email: string): Promise<StoredDashboardUser | undefined> {
    return this.db.selectFrom('dashboard_users').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();
  }

  findById(id: string): Promise<StoredDashboardUser | undefined> {
    return this.db.selectFrom('dashboard_users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async insert(user: StoredDashboardUser): Promise<boolean> {
    const result = await this.db
      .insertInto('dashboard_users')
      .values({ ...user, updated_at: null })
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updatePassword(id: string, passwordHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('dashboard_users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async updateRole(id: string, role: DashboardRole, now: string): Promise<void> {
    await this.db.updateTable('dashboard_users').set({ role, updated_at: now }).where('id', '=', id).execute();
  }

  async grantProject(userId: string, projectId: string): Promise<void> {
    await this.db
      .insertInto('dashboard_user_projects')
      .values({ user_id: userId, project_id: projectId })
      .onConflict((oc) => oc.columns(['user_id', 'project_id']).doNothing())
      .execute();
  }

  async grantedProjectIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('dashboard_user_projects')
      .select('project_id')
      .where('user_id', '=', userId)
      .orderBy('project_id')
      .execute();
    return rows.map((row) => row.project_id);
  }

  async insertSession(session: DashboardSessionRow): Promise<void> {
    await this.db.insertInto('dashboard_sessions').values(session).execute();
  }

  async findSession(tokenHash: string, now: string) {
    const row = await this.db
      .selectFrom('dashboard_sessions as s')
      .innerJoin('dashboard_users as u', 'u.id', 's.user_id')
      .select([
        's.token_hash',
        's.user_id',
        's.expires_at',
        's.created_at as session_created_at',
        'u.email',
        'u.password_hash',
        'u.role',
        'u.created_at',
      ])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: {
        token_hash: row.token_hash,
        user_id: row.user_id,
        expires_at: row.expires_at,
        created_at: row.session_created_at,
      },
      user: {
        id: row.user_id,
        email: row.email,
        password_hash: row.password_hash,
        role: row.role,
        created_at: row.created_at,
      },
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.db.deleteFrom('dashboard_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
