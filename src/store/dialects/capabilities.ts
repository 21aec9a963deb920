import type { Expression, RawBuilder, SqlBool } from 'kysely';

/**
 * What differs between the two databases, named once. Queries ask for a capability instead of
 * testing which database they run on.
 */
export interface DialectCapabilities {
  readonly name: 'sqlite' | 'postgres';
  /** `FOR UPDATE SKIP LOCKED`, so several workers can claim queued jobs without waiting on each other. */
  readonly supportsSkipLocked: boolean;
  /**
   * `SELECT ... FOR UPDATE`: a transaction can lock a row it will not write. Without it (SQLite)
   * every transaction already runs alone, so there is nothing to lock.
   */
  readonly supportsRowLocks: boolean;
  /** A JSON text column's top-level `key` as text (null when absent or not a scalar). */
  jsonText(column: Expression<string | null>, key: string): RawBuilder<string | null>;
  /** A JSON text column's top-level `key` as a number (null when absent or not a number). */
  jsonNumber(column: Expression<string | null>, key: string): RawBuilder<number | null>;
  /**
   * The JSON type of a JSON text column's top-level `key`, named alike on both databases:
   * 'string', 'number', 'boolean', 'null', 'object' or 'array'; null when the key is absent.
   */
  jsonType(column: Expression<string | null>, key: string): RawBuilder<JsonTypeName | null>;
  /**
   * The text column matches a LIKE `pattern` whatever the letters' case, with `\` as the escape
   * character (so `\%`, `\_` and `\\` are literal): the case-insensitive search of the lists.
   */
  likeIgnoringCase(column: Expression<string | null>, pattern: string): RawBuilder<SqlBool>;
  /** The driver error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** The driver error means the database cannot be reached right now; the request may be retried. */
  isUnavailable(error: unknown): boolean;
  /**
   * The driver error means the database aborted the transaction in favour of a concurrent one (a
   * deadlock, a serialization failure): nothing of it was written, and running it again may succeed.
   */
  isTransientConflict(error: unknown): boolean;
}

export type JsonTypeName = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
