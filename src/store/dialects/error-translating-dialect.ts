import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { AppError } from '../../domain/errors.js';
import type { DialectCapabilities } from './capabilities.js';

/**
 * A transaction the database aborted in favour of a concurrent one. The transaction runner runs
 * it again (retry-transaction.ts); a client hears of it, as a 503, only when the retries run out.
 */
export class TransactionConflictError extends AppError {
  constructor() {
    super('service_unavailable', { details: 'The database was too busy with concurrent requests; retry shortly' });
  }
}

/**
 * Turns driver errors into the API's errors at the one place every query passes: a unique
 * violation becomes `duplicate_found`, an unreachable database `service_unavailable`, a deadlock
 * or serialization failure a `TransactionConflictError`. Everything else stays as it is and
 * surfaces as a 500 with nothing of the SQL in it.
 */
export function translateDriverError(error: unknown, capabilities: DialectCapabilities): unknown {
  if (error instanceof AppError) return error;
  if (capabilities.isUniqueViolation(error)) return new AppError('duplicate_found');
  if (capabilities.isTransientConflict(error)) return new TransactionConflictError();
  if (capabilities.isUnavailable(error)) {
    return new AppError('service_unavailable', { details: 'The database cannot be reached; retry shortly' });
  }
  return error;
}

class TranslatingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(compiledQuery);
    } catch (error) {
      throw translateDriverError(error, this.capabilities);
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof TranslatingConnection ? connection.inner : connection;
}

class TranslatingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly capabilities: DialectCapabilities,
  ) {}

  private async translate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateDriverError(error, this.capabilities);
    }
  }

  init(): Promise<void> {
    return this.translate(() => this.inner.init());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.translate(() => this.inner.acquireConnection());
    return new TranslatingConnection(connection, this.capabilities);
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.translate(() => this.inner.beginTransaction(unwrap(connection), settings));
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.translate(() => this.inner.commitTransaction(unwrap(connection)));
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.translate(() => this.inner.rollbackTransaction(unwrap(connection)));
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const savepoint = this.inner.savepoint?.bind(this.inner);
    if (!savepoint) throw new Error('savepoints are not supported by this driver');
    return this.translate(() => savepoint(unwrap(connection), name, compile));
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const rollback = this.inner.rollbackToSavepoint?.bind(this.inner);
    if (!rollback) throw new Error('savepoints are not supported by this driver');
    return this.translate(() => rollback(unwrap(connection), name, compile));
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const release = this.inner.releaseSavepoint?.bind(this.inner);
    if (!release) throw new Error('savepoints are not supported by this driver');
    return this.translate(() => release(unwrap(connection), name, compile));
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export class ErrorTranslatingDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly capabilities: DialectCapabilities,
  ) {}

  createAdapter() {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new TranslatingDriver(this.inner.createDriver(), this.capabilities);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own Dialect signature takes Kysely<any>.
  createIntrospector(db: Kysely<any>) {
    return this.inner.createIntrospector(db);
  }
}
