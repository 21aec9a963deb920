import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Every PostgreSQL suite of one run works in a schema of its own named `vouch_test_<run>_...`.
 * Schemas are dropped here, once the whole run is over: dropping one while another suite's
 * migrator is reading the catalog would make that suite fail.
 */
export default function setup(): () => Promise<void> {
  const run = randomBytes(4).toString('hex');
  process.env.VOUCH_TEST_RUN = run;
  return async () => {
    const url = process.env.VOUCH_TEST_PG;
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `select nspname as name from pg_namespace where nspname like $1`,
        [`vouch_test_${run}_%`],
      );
      for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
    } finally {
      await client.end();
    }
  };
}
