import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A schema of its own on a shared PostgreSQL server, for `vouch` processes a test starts. */
export interface PostgresSchema {
  name: string;
  /** The connection URL whose sessions work in this schema: what the test gives VOUCH_DB. */
  url: string;
  /** Runs SQL in the schema as the test, outside any Vouch process, to check what they stored. */
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

/**
 * Creates an empty schema on `serverUrl` and a URL whose sessions use it. The name follows the
 * run's `vouch_test_<run>_` pattern, so the global teardown also drops it if the test dies first.
 */
export async function createPostgresSchema(serverUrl: string, label: string): Promise<PostgresSchema> {
  const name = `vouch_test_${process.env.VOUCH_TEST_RUN ?? 'adhoc'}_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create schema "${name}"`);
  await admin.query(`set search_path to "${name}"`);
  const options = encodeURIComponent(`-c search_path=${name}`);
  return {
    name,
    url: `${serverUrl}${serverUrl.includes('?') ? '&' : '?'}options=${options}`,
    query: async <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      (await admin.query<Row>(text, values)).rows,
    drop: async () => {
      try {
        await admin.query(`drop schema if exists "${name}" cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}
