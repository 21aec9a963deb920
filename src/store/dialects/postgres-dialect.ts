import { Kysely, type SqlBool, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../tables.js';
import { type DialectCapabilities, errorCode, type JsonTypeName } from './capabilities.js';
import { CurrentSchemaPostgresDialect } from './current-schema-introspector.js';
import { ErrorTranslatingDialect } from './error-translating-dialect.js';
import { isStalePreparedPlan, nameHotStatements } from './named-statements.js';
import type { OpenedDatabase } from './opened-database.js';

const PG_BIGINT = 20;
const PG_NUMERIC = 1700;

/** Connection-level failures: the server is down, restarting, or the network dropped. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '53300', // too_many_connections
]);

/**
 * What `pg` says, without a code, when a connection broke or none could be had in time: the pool
 * waits `connectionTimeoutMillis` for a free client (every one busy) or for the server to answer.
 */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

const postgresCapabilities: DialectCapabilities = {
  name: 'postgres',
  supportsSkipLocked: true,
  supportsRowLocks: true,
  jsonText: (column, key) =>
    sql<
      string | null
    >`(case when jsonb_typeof(${column}::jsonb -> ${key}) in ('string','number','boolean') then ${column}::jsonb ->> ${key} end)`,
  jsonNumber: (column, key) =>
    sql<
      number | null
    >`(case when jsonb_typeof(${column}::jsonb -> ${key}) = 'number' then (${column}::jsonb ->> ${key})::double precision end)`,
  jsonType: (column, key) => sql<JsonTypeName | null>`jsonb_typeof(${column}::jsonb -> ${key})`,
  // E'\\' is one backslash whatever standard_conforming_strings says.
  likeIgnoringCase: (column, pattern) => sql<SqlBool>`${column} ilike ${pattern} escape E'\\\\'`,
  isUniqueViolation: (error) => errorCode(error) === '23505',
  isUnavailable: (error) => {
    const code = errorCode(error);
    if (code !== undefined && UNAVAILABLE_CODES.has(code)) return true;
    const message = error instanceof Error ? error.message : '';
    return UNAVAILABLE_MESSAGES.test(message);
  },
  isTransientConflict: (error) => {
    const code = errorCode(error);
    // deadlock_detected, serialization_failure
    return code === '40P01' || code === '40001' || isStalePreparedPlan(error);
  },
};

export interface PostgresOptions {
  /** A schema to create and use instead of `public`: tests give each suite its own. */
  schema?: string;
  poolSize?: number;
}

/** PostgreSQL through a `pg` pool. Several Vouch processes may share one database. */
export function openPostgresDatabase(url: string, options: PostgresOptions = {}): OpenedDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // Counts and money are BIGINT; every value Vouch stores fits a double exactly.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_BIGINT || oid === PG_NUMERIC
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A client losing its connection (the server stopped or restarted) must not crash the process.
  // The pool listens to its idle clients; a client checked out between two queries of a
  // transaction has no listener of its own, and an 'error' event nobody hears is thrown. Its
  // next query fails instead (a 503), and the pool discards it on release.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    nameHotStatements(client);
  });
  const db = new Kysely<Database>({
    dialect: new ErrorTranslatingDialect(new CurrentSchemaPostgresDialect({ pool }), postgresCapabilities),
  });
  return {
    db,
    capabilities: postgresCapabilities,
    close: () => db.destroy(),
    prepare: options.schema
      ? async () => {
          await sql`create schema if not exists ${sql.id(options.schema as string)}`.execute(db);
        }
      : undefined,
  };
}
