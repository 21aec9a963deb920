import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';
import type { DialectCapabilities } from './capabilities.js';

export interface OpenedDatabase {
  db: Kysely<Database>;
  capabilities: DialectCapabilities;
  close(): Promise<void>;
  /** Work to do once before migrating (creating a private schema). */
  prepare?: () => Promise<void>;
  /** How a transaction is run, when not simply `db.transaction()` (SQLite groups commits). */
  runTransaction?: <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
}
