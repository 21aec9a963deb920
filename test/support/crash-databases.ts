import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { openPostgresDatabase } from '../../src/store/dialects/postgres-dialect.js';
import { openSqliteDatabase } from '../../src/store/dialects/sqlite-dialect.js';
import type { Database } from '../../src/store/tables.js';
import './databases.js';

/**
 * A database that `vouch` processes (serve, doctor) run on, while the test reads and edits its
 * rows directly, as an operator with a SQL console would.
 */
export interface ProcessDatabase {
  /** VOUCH_DB for the processes. */
  vouchDb: string;
  /** Direct access for the test's own recounts and for planting drift. */
  db: Kysely<Database>;
  dispose(): Promise<void>;
}

export interface ProcessDatabaseKind {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database; the first `vouch` process migrates it. */
  create(): Promise<ProcessDatabase>;
}

const pgUrl = process.env.VOUCH_TEST_PG;

const sqlite: ProcessDatabaseKind = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-process-'));
    const file = join(dir, 'vouch.db');
    let opened: ReturnType<typeof openSqliteDatabase> | undefined;
    return {
      vouchDb: file,
      // Opened on first use: the file must be created, in WAL mode, by the first vouch process.
      get db() {
        opened ??= openSqliteDatabase(file);
        return opened.db;
      },
      dispose: async () => {
        await opened?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: ProcessDatabaseKind = {
  name: 'postgres',
  async create() {
    if (!pgUrl) throw new Error('VOUCH_TEST_PG is not set');
    // Named like the other suites' schemas, so the run's global teardown drops it if dispose does not run.
    const schema = `vouch_test_${process.env.VOUCH_TEST_RUN ?? 'adhoc'}_proc_${randomBytes(5).toString('hex')}`;
    const opened = openPostgresDatabase(pgUrl, { schema, poolSize: 2 });
    await opened.prepare?.();
    const searchPath = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      vouchDb: `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}${searchPath}`,
      db: opened.db,
      dispose: async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(opened.db);
        await opened.close();
      },
    };
  },
};

/** SQLite always, PostgreSQL when VOUCH_TEST_PG is set (test/support/databases.ts says how, and fails CI without it). */
export const PROCESS_DATABASES: ProcessDatabaseKind[] = pgUrl ? [sqlite, postgres] : [sqlite];
