import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';

const pgUrl = process.env.VOUCH_TEST_PG;

/**
 * Vouch often shares a PostgreSQL database with other applications (and, in this suite's run, with
 * other suites). Kysely's migrator reads every schema's tables from the catalog; a schema dropped
 * during that read must not stop Vouch from starting.
 */
describe.skipIf(!pgUrl)('migrating while other schemas of the database are dropped (PostgreSQL)', () => {
  it('migrates every time while another client keeps creating and dropping schemas', async () => {
    const run = process.env.VOUCH_TEST_RUN ?? 'adhoc';
    const churn = new pg.Client({ connectionString: pgUrl });
    await churn.connect();
    let churning = true;
    const churned = (async () => {
      for (let round = 0; churning; round++) {
        const name = `vouch_test_${run}_churn_${round}`;
        await churn.query(`create schema "${name}"`);
        await churn.query(`create table "${name}".t (id int, a text, b text, c text)`);
        await churn.query(`drop schema "${name}" cascade`);
      }
    })();
    let migrated = 0;
    try {
      for (let i = 0; i < 8; i++) {
        const schema = `vouch_test_${run}_${randomBytes(6).toString('hex')}`;
        const store = await openStore(
          { kind: 'postgres', url: pgUrl as string },
          { postgres: { schema, poolSize: 2 } },
        );
        await store.close();
        migrated++;
      }
    } finally {
      churning = false;
      await churned;
      await churn.end();
    }
    expect(migrated).toBe(8);
  }, 120_000);
});
