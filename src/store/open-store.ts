import { Migrator, sql } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { OpenedDatabase } from './dialects/opened-database.js';
import { openPostgresDatabase, type PostgresOptions } from './dialects/postgres-dialect.js';
import { openSqliteDatabase } from './dialects/sqlite-dialect.js';
import { KyselyStore } from './kysely-store.js';
import { migrationProvider } from './migrations/index.js';

export interface OpenStoreOptions {
  /** Apply pending migrations first (the server does; `vouch migrate` does it alone). */
  migrate?: boolean;
  postgres?: PostgresOptions;
}

function openDatabase(config: DatabaseConfig, options: OpenStoreOptions): OpenedDatabase {
  return config.kind === 'sqlite'
    ? openSqliteDatabase(config.file)
    : openPostgresDatabase(config.url, options.postgres);
}

/**
 * Applies every pending migration. Kysely's migrator holds a lock while it works (an advisory
 * lock on PostgreSQL), so several processes starting together migrate once.
 */
export async function migrateDatabase(opened: OpenedDatabase): Promise<string[]> {
  await opened.prepare?.();
  // Kysely looks for its bookkeeping tables in every schema unless told which one; another
  // schema's tables (another app, another test suite) would then be taken for ours.
  const migrationTableSchema =
    opened.capabilities.name === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(opened.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db: opened.db, provider: migrationProvider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function openStore(config: DatabaseConfig, options: OpenStoreOptions = {}): Promise<KyselyStore> {
  const opened = openDatabase(config, options);
  try {
    if (options.migrate !== false) await migrateDatabase(opened);
    else await opened.prepare?.();
  } catch (error) {
    await opened.close();
    throw error;
  }
  return new KyselyStore(opened.db, opened.capabilities, opened.close, opened.runTransaction);
}
