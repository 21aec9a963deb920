import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../src/config.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store of its own. */
  open(): Promise<{ store: KyselyStore; config: DatabaseConfig; postgresSchema?: string; dispose(): Promise<void> }>;
}

const pgUrl = process.env.VOUCH_TEST_PG;

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-test-'));
    const config: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'vouch.db') };
    const store = await openStore(config);
    return {
      store,
      config,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  async open() {
    if (!pgUrl) throw new Error('VOUCH_TEST_PG is not set');
    // Each suite gets its own schema, so suites run in parallel without seeing each other; the
    // run's global teardown drops them all (test/support/global-setup.ts).
    const schema = `vouch_test_${process.env.VOUCH_TEST_RUN ?? 'adhoc'}_${randomBytes(6).toString('hex')}`;
    const config: DatabaseConfig = { kind: 'postgres', url: pgUrl };
    const store = await openStore(config, { postgres: { schema, poolSize: 10 } });
    return {
      store,
      config,
      postgresSchema: schema,
      dispose: () => store.close(),
    };
  },
};

if (!pgUrl) {
  if (process.env.CI === 'true') {
    throw new Error('CI=true but VOUCH_TEST_PG is not set: the PostgreSQL suites must run in CI');
  }
  console.info('PostgreSQL suites skipped: set VOUCH_TEST_PG=postgres://postgres@127.0.0.1:5432/test to run them');
}

/** The databases every store and HTTP suite runs on: SQLite always, PostgreSQL when VOUCH_TEST_PG is set. */
export const TEST_DATABASES: TestDatabase[] = pgUrl ? [sqlite, postgres] : [sqlite];
