import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

interface Pending {
  work: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most transactions one commit carries; bounds the latency a request waits behind others. */
const MAX_GROUP = 64;

/**
 * Group commit for the embedded database. SQLite runs one transaction at a time on its one
 * connection, and each COMMIT writes every page the transaction touched to the WAL: with a
 * redemption touching four tables and their indexes, the commit is most of its cost. Here the
 * transactions waiting at the same moment run one after another inside one database
 * transaction, each in a savepoint of its own, and share a single COMMIT.
 *
 * Each request still sees only its own effects fail or succeed (its savepoint is rolled back on
 * error), and no caller hears of success before the shared COMMIT is done: a crash before it
 * loses only transactions no one was told had committed.
 */
export class SqliteGroupCommit {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * better-sqlite3 answers synchronously, so a group runs without ever yielding to the event loop:
   * requests arriving meanwhile are read only afterwards. Each group therefore starts on the next
   * turn of the loop (setImmediate), after the requests already received have queued their work.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.commitGroup(this.queue.splice(0, MAX_GROUP));
        if (this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    let trx: Awaited<ReturnType<ReturnType<Kysely<Database>['startTransaction']>['execute']>>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    for (const pending of group) {
      const savepoint = await trx.savepoint('request').execute();
      try {
        const value = await pending.work(trx);
        await savepoint.releaseSavepoint('request').execute();
        outcomes.push({ ok: true, value });
      } catch (error) {
        await savepoint.rollbackToSavepoint('request').execute();
        await savepoint.releaseSavepoint('request').execute();
        outcomes.push({ ok: false, error });
      }
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
    });
  }
}
