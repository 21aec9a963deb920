import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type SqlBool, SqliteDialect, sql } from 'kysely';
import type { Database } from '../tables.js';
import { type DialectCapabilities, errorCode, type JsonTypeName } from './capabilities.js';
import { ErrorTranslatingDialect } from './error-translating-dialect.js';
import type { OpenedDatabase } from './opened-database.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';

const sqliteCapabilities: DialectCapabilities = {
  name: 'sqlite',
  supportsSkipLocked: false,
  supportsRowLocks: false,
  jsonText: (column, key) =>
    sql<
      string | null
    >`(case when json_valid(${column}) and json_type(${column}, ${jsonPath(key)}) in ('text','integer','real','true','false') then cast(json_extract(${column}, ${jsonPath(key)}) as text) end)`,
  jsonNumber: (column, key) =>
    sql<
      number | null
    >`(case when json_valid(${column}) and json_type(${column}, ${jsonPath(key)}) in ('integer','real') then json_extract(${column}, ${jsonPath(key)}) end)`,
  jsonType: (column, key) =>
    sql<JsonTypeName | null>`(case when json_valid(${column}) then (case json_type(${column}, ${jsonPath(key)})
      when 'text' then 'string' when 'integer' then 'number' when 'real' then 'number'
      when 'true' then 'boolean' when 'false' then 'boolean' else json_type(${column}, ${jsonPath(key)}) end) end)`,
  // SQLite has no ILIKE, and its lower() and LIKE fold ASCII letters only: both sides go through
  // fold_case (registered on the connection below), JavaScript's Unicode lowering, so "élodie"
  // finds "Élodie" as PostgreSQL's ILIKE does.
  likeIgnoringCase: (column, pattern) => sql<SqlBool>`fold_case(${column}) like fold_case(${pattern}) escape '\\'`,
  isUniqueViolation: (error) => {
    const code = errorCode(error);
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  isUnavailable: (error) => {
    const code = errorCode(error);
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_IOERR';
  },
  // One connection runs one transaction at a time: no transaction ever waits on another's locks.
  isTransientConflict: () => false,
};

/** JSON path for one top-level key, quoted so dots and spaces in metadata keys stay part of the key. */
function jsonPath(key: string): string {
  return `$."${key.replaceAll('"', '\\"')}"`;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs more than running a short query. The
 * same SQL text always gives the same statement, so prepared statements are kept, the most recently
 * used few hundred. Reusing one is safe: better-sqlite3 runs each statement to completion at once.
 */
function withStatementCache(connection: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare: (sqlText: string) => {
      const cached = statements.get(sqlText);
      if (cached) {
        statements.delete(sqlText);
        statements.set(sqlText, cached);
        return cached;
      }
      const statement = connection.prepare(sqlText);
      statements.set(sqlText, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * The embedded database: one better-sqlite3 connection in WAL mode. Kysely serialises every query
 * and transaction on that connection, so a transaction here is also a critical section.
 */
export function openSqliteDatabase(file: string): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  // NORMAL keeps every committed transaction across a process crash (the WAL is fsynced at
  // checkpoints); only a power loss can drop the last few.
  connection.pragma('synchronous = NORMAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  // Hot lookups (a code among millions) should be memory reads: a 64 MB page cache, and the file
  // mapped rather than read through system calls.
  connection.pragma('cache_size = -65536');
  connection.pragma('mmap_size = 268435456');
  connection.function('fold_case', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
  const db = new Kysely<Database>({
    dialect: new ErrorTranslatingDialect(
      new SqliteDialect({ database: withStatementCache(connection) }),
      sqliteCapabilities,
    ),
  });
  const groupCommit = new SqliteGroupCommit(db);
  return {
    db,
    capabilities: sqliteCapabilities,
    close: () => db.destroy(),
    runTransaction: (work) => groupCommit.run(work),
  };
}
