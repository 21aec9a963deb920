import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/store/dialects/opened-database.js';
import { openSqliteDatabase } from '../../src/store/dialects/sqlite-dialect.js';

describe('SQLite group commit', () => {
  let dir: string;
  let opened: OpenedDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-group-'));
    opened = openSqliteDatabase(join(dir, 'group.db'));
    await sql`create table t (id integer primary key, v text not null)`.execute(opened.db);
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = <T>(work: Parameters<NonNullable<OpenedDatabase['runTransaction']>>[0]) =>
    (opened.runTransaction as NonNullable<OpenedDatabase['runTransaction']>)(work as never) as Promise<T>;

  it('commits the transactions that succeed and undoes only those that fail, in one group', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        run(async (trx) => {
          await sql`insert into t (id, v) values (${i}, ${`row ${i}`})`.execute(trx);
          if (i % 3 === 0) throw new Error(`refused ${i}`);
          return i;
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(20);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.message),
    ).toContain('refused 3');
    const rows = await sql<{ id: number }>`select id from t order by id`.execute(opened.db);
    expect(rows.rows.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 0));
  });

  it('keeps a failed transaction from disturbing the next one that writes the same row', async () => {
    const [first, second] = await Promise.allSettled([
      run(async (trx) => {
        await sql`insert into t (id, v) values (100, 'first')`.execute(trx);
        throw new Error('undo me');
      }),
      run(async (trx) => {
        await sql`insert into t (id, v) values (100, 'second')`.execute(trx);
        return 'ok';
      }),
    ]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 'ok' });
    const row = await sql<{ v: string }>`select v from t where id = 100`.execute(opened.db);
    expect(row.rows[0]?.v).toBe('second');
  });
});
