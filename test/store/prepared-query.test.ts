import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankVoucher } from '../../src/app/vouchers/voucher-fields.js';
import type { OpenedDatabase } from '../../src/store/dialects/opened-database.js';
import { openPostgresDatabase } from '../../src/store/dialects/postgres-dialect.js';
import { openSqliteDatabase } from '../../src/store/dialects/sqlite-dialect.js';
import { migrateDatabase } from '../../src/store/open-store.js';
import { PreparedQuery } from '../../src/store/prepared-query.js';
import { toRow } from '../../src/store/repositories/voucher-rows.js';
import { TEST_DATABASES } from '../support/databases.js';

const NOW = '2026-03-01T10:00:00.000Z';

const codesIn = new PreparedQuery((db, projectId: string, codes: readonly string[]) =>
  db
    .selectFrom('vouchers')
    .select(['code', 'project_id'])
    .where('project_id', '=', projectId)
    .where('code', 'in', codes)
    .orderBy('code'),
);
const insertVoucher = new PreparedQuery((db, row: ReturnType<typeof voucherRow>) =>
  db.insertInto('vouchers').values(row),
);
const useOnce = new PreparedQuery((db, projectId: string, code: string, limit: number) =>
  db
    .updateTable('vouchers')
    .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
    .where('project_id', '=', projectId)
    .where('code', '=', code)
    .where('redeemed_quantity', '<', limit),
);
const everyColumnByCode = new PreparedQuery((db, code: string) =>
  db.selectFrom('vouchers').selectAll().where('code', '=', code),
);

function voucherRow(projectId: string, code: string, extra: Record<string, unknown> = {}) {
  const voucher = blankVoucher(`v_${code}_${projectId}`, code, null, NOW);
  return { ...toRow({ voucher, codeKey: code }, projectId), ...extra };
}

function openDatabase(name: 'sqlite' | 'postgres'): { opened: OpenedDatabase; cleanUp: () => void } {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-prepared-'));
    return {
      opened: openSqliteDatabase(join(dir, 'vouch.db')),
      cleanUp: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `vouch_test_${process.env.VOUCH_TEST_RUN ?? 'adhoc'}_${randomBytes(6).toString('hex')}`;
  // One connection, so a statement prepared by one call is the one the next call finds.
  return {
    opened: openPostgresDatabase(process.env.VOUCH_TEST_PG as string, { schema, poolSize: 1 }),
    cleanUp: () => {},
  };
}

describe.each(TEST_DATABASES)('prepared queries on $name', ({ name }) => {
  let opened: OpenedDatabase;
  let cleanUp: () => void;

  beforeAll(async () => {
    ({ opened, cleanUp } = openDatabase(name));
    await migrateDatabase(opened);
    for (const id of ['p1', 'p2']) {
      await sql`insert into projects (id, name, settings, webhook_token, created_at) values (${id}, ${id}, '{}', ${id}, ${NOW})`.execute(
        opened.db,
      );
    }
  });
  afterAll(async () => {
    await opened?.close();
    cleanUp?.();
  });

  it('binds each call its own values: rows inserted with different fields, lists of every length, another project', async () => {
    await insertVoucher.rows(opened.db, voucherRow('p1', 'A'));
    // A field left undefined is left out of the INSERT (its column default applies), as Kysely does.
    await insertVoucher.rows(opened.db, voucherRow('p1', 'B', { category: undefined }));
    await insertVoucher.rows(opened.db, voucherRow('p2', 'A'));
    await insertVoucher.rows(opened.db, voucherRow('p2', 'C'));

    expect(await codesIn.rows(opened.db, 'p1', ['A'])).toEqual([{ code: 'A', project_id: 'p1' }]);
    expect(await codesIn.rows(opened.db, 'p1', ['A', 'B', 'C'])).toEqual([
      { code: 'A', project_id: 'p1' },
      { code: 'B', project_id: 'p1' },
    ]);
    expect(await codesIn.rows(opened.db, 'p2', ['C', 'B'])).toEqual([{ code: 'C', project_id: 'p2' }]);
    expect(await codesIn.rows(opened.db, 'p1', ['A'])).toEqual([{ code: 'A', project_id: 'p1' }]);
  });

  it('counts the rows a conditional write touched, inside and outside a transaction', async () => {
    expect(await useOnce.affected(opened.db, 'p1', 'A', 1)).toBe(1);
    expect(await useOnce.affected(opened.db, 'p1', 'A', 1)).toBe(0);
    const inTransaction = await opened.db
      .transaction()
      .execute(async (trx) => [
        await useOnce.affected(trx, 'p2', 'A', 2),
        await useOnce.affected(trx, 'p2', 'A', 2),
        await useOnce.affected(trx, 'p2', 'A', 2),
      ]);
    expect(inTransaction).toEqual([1, 1, 0]);
  });

  it('refuses an object where a value goes: a Date argument, a SQL expression in a row', async () => {
    const since = new PreparedQuery((db, at: string) =>
      db.selectFrom('vouchers').select('code').where('created_at', '>', at),
    );
    await expect(since.rows(opened.db, new Date() as unknown as string)).rejects.toThrow(/object where a value goes/);
    await expect(
      insertVoucher.rows(opened.db, voucherRow('p1', 'X', { metadata: sql`'{}'` }) as ReturnType<typeof voucherRow>),
    ).rejects.toThrow(/object where a value goes/);
    expect(await codesIn.rows(opened.db, 'p1', ['X'])).toEqual([]);
  });

  it('refuses a query that puts an argument anywhere but a value', async () => {
    const literal = new PreparedQuery((db, text: string) => db.selectFrom('vouchers').select(sql.lit(text).as('x')));
    await expect(literal.rows(opened.db, 'code')).rejects.toThrow();
    const identifier = new PreparedQuery((db, column: string) =>
      db.selectFrom('vouchers').select(sql.ref(String(column)).as('x')),
    );
    await expect(identifier.rows(opened.db, 'code')).rejects.toThrow(/outside a value position/);
  });

  it.runIf(name === 'postgres')(
    'runs as a named statement, prepared again after a migration changes its table',
    async () => {
      const prepared = await opened.db.transaction().execute(async (trx) => {
        await everyColumnByCode.first(trx, 'A');
        return (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(trx)).rows.map(
          (r) => r.name,
        );
      });
      expect(prepared.some((statement) => statement.startsWith('vouch_'))).toBe(true);

      // Another process's migration adds a column: the prepared `select *` is now refused by
      // PostgreSQL, outside a transaction it is prepared again at once...
      await sql`alter table vouchers add column added_later text`.execute(opened.db);
      expect(await everyColumnByCode.first(opened.db, 'A')).toHaveProperty('added_later', null);
      await sql`alter table vouchers add column added_later_too text`.execute(opened.db);
      // ...and inside one, the transaction fails as a conflict the store runs again whole.
      await expect(opened.db.transaction().execute((trx) => everyColumnByCode.first(trx, 'A'))).rejects.toMatchObject({
        key: 'service_unavailable',
      });
      expect(await opened.db.transaction().execute((trx) => everyColumnByCode.first(trx, 'A'))).toHaveProperty(
        'added_later_too',
        null,
      );
    },
  );
});
