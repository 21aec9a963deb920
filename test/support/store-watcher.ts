import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { databaseOf, tableNames } from './route-table.js';

/** What one request did to the store. */
export interface StoreChanges {
  /** Tables with committed writes. */
  written: string[];
  /** Of those, the tables whose content differs, as `customers (2 → 3 rows)`. */
  changed: string[];
}

/** Where the row triggers note committed writes; a rolled-back write rolls its note back with it. */
const WRITES_TABLE = 'fuzz_table_writes';

/** JSON that also writes the BigInts and Buffers a driver may hand back. */
function rowHash(row: unknown): string {
  const text = JSON.stringify(row, (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  return createHash('sha1').update(text).digest('hex');
}

/** Watches one database; `changesSince` answers what changed since it was last called. */
export interface StoreWatcher {
  changesSince(): Promise<StoreChanges>;
}

/** Rowids per query: far below SQLite's limit on bound parameters. */
const ROWIDS_PER_READ = 500;

type RowWithId = Record<string, unknown> & { fuzz_rowid: number };

/**
 * SQLite: TEMP triggers of the store's one connection (outside the database file) note the rowid
 * of every row inserted, updated or deleted, and only those rows are read again and compared
 * with the hash kept of each row, so the cost follows what a request wrote, not the table's size.
 */
class SqliteRowWatcher implements StoreWatcher {
  private readonly rows = new Map<string, Map<number, string>>();

  constructor(private readonly db: Kysely<unknown>) {}

  async install(tables: string[]): Promise<void> {
    await sql`create temp table ${sql.raw(WRITES_TABLE)} (name text not null, row integer not null)`.execute(this.db);
    for (const table of tables) {
      const note = (which: string) =>
        sql.raw(`insert into temp.${WRITES_TABLE} (name, row) values ('${table}', ${which}.rowid);`);
      const triggers = [
        ['insert', note('new')],
        ['update', sql`${note('old')} ${note('new')}`],
        ['delete', note('old')],
      ] as const;
      for (const [event, body] of triggers) {
        await sql`create temp trigger ${sql.raw(`"fuzz_${event}_${table}"`)} after ${sql.raw(event)}
          on main.${sql.table(table)} begin ${body} end`.execute(this.db);
      }
      const hashes = new Map<number, string>();
      const { rows } = await sql<RowWithId>`select rowid as fuzz_rowid, * from main.${sql.table(table)}`.execute(
        this.db,
      );
      for (const { fuzz_rowid: rowid, ...row } of rows) hashes.set(rowid, rowHash(row));
      this.rows.set(table, hashes);
    }
  }

  async changesSince(): Promise<StoreChanges> {
    const { rows: notes } = await sql<{ name: string; row: number }>`select distinct name, row
      from temp.${sql.raw(WRITES_TABLE)}`.execute(this.db);
    await sql`delete from temp.${sql.raw(WRITES_TABLE)}`.execute(this.db);
    const byTable = new Map<string, number[]>();
    for (const note of notes) byTable.set(note.name, [...(byTable.get(note.name) ?? []), Number(note.row)]);
    const changed: string[] = [];
    for (const [table, rowids] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
      const hashes = this.rows.get(table) ?? new Map<number, string>();
      const countBefore = hashes.size;
      const rows: RowWithId[] = [];
      for (let i = 0; i < rowids.length; i += ROWIDS_PER_READ) {
        const chunk = rowids.slice(i, i + ROWIDS_PER_READ);
        const read = await sql<RowWithId>`select rowid as fuzz_rowid, * from main.${sql.table(table)}
          where rowid in (${sql.join(chunk)})`.execute(this.db);
        rows.push(...read.rows);
      }
      let differs = false;
      const present = new Set<number>();
      for (const { fuzz_rowid: rowid, ...row } of rows) {
        present.add(rowid);
        const hash = rowHash(row);
        if (hashes.get(rowid) !== hash) differs = true;
        hashes.set(rowid, hash);
      }
      for (const rowid of rowids) {
        if (!present.has(rowid) && hashes.delete(rowid)) differs = true;
      }
      if (differs) changed.push(`${table} (${countBefore} → ${hashes.size} rows)`);
    }
    return { written: [...byTable.keys()], changed };
  }
}

/**
 * PostgreSQL: row triggers in the test's own schema (dropped after the run) count committed
 * writes per table, and a written table is hashed again by PostgreSQL itself (row count and an
 * md5 of all its rows), so only digests cross the wire.
 */
class PostgresTableWatcher implements StoreWatcher {
  private readonly hashes = new Map<string, { rows: number; hash: string }>();
  private writes = new Map<string, number>();

  constructor(private readonly db: Kysely<unknown>) {}

  async install(tables: string[]): Promise<void> {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.db);
    const counters = sql.id(rows[0]?.schema ?? 'public', WRITES_TABLE);
    await sql`create table ${counters} (name text primary key, n integer not null)`.execute(this.db);
    await sql`create function fuzz_count_write() returns trigger language plpgsql as $$
      begin update ${counters} set n = n + 1 where name = tg_table_name; return null; end $$`.execute(this.db);
    for (const table of tables) {
      await sql`insert into ${counters} (name, n) values (${table}, 0)`.execute(this.db);
      await sql`create trigger ${sql.raw(`"fuzz_writes_${table}"`)} after insert or update or delete
        on ${sql.table(table)} for each row execute function fuzz_count_write()`.execute(this.db);
      this.hashes.set(table, await this.hashTable(table));
    }
    this.writes = await this.readWrites();
  }

  private async hashTable(table: string): Promise<{ rows: number; hash: string }> {
    const { rows } = await sql<{ rows: number; hash: string }>`select count(*)::int as rows,
        md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as hash
      from ${sql.table(table)} t`.execute(this.db);
    return { rows: Number(rows[0]?.rows ?? 0), hash: rows[0]?.hash ?? '' };
  }

  private async readWrites(): Promise<Map<string, number>> {
    const { rows } = await sql<{ name: string; n: number }>`select name, n
      from ${sql.table(WRITES_TABLE)}`.execute(this.db);
    return new Map(rows.map((row) => [row.name, Number(row.n)]));
  }

  async changesSince(): Promise<StoreChanges> {
    const writes = await this.readWrites();
    const written = [...writes.keys()].filter((table) => writes.get(table) !== this.writes.get(table)).sort();
    this.writes = writes;
    const changed: string[] = [];
    for (const table of written) {
      const was = this.hashes.get(table);
      const is = await this.hashTable(table);
      this.hashes.set(table, is);
      if (was?.hash !== is.hash || was?.rows !== is.rows) changed.push(`${table} (${was?.rows} → ${is.rows} rows)`);
    }
    return { written, changed };
  }
}

/**
 * Watches every table a migration created for changes between two calls of `changesSince`,
 * exactly (row content, not just counts) and cheaply: a request that wrote nothing costs one
 * small query. Install it once per database.
 */
export async function watchStore(store: KyselyStore): Promise<StoreWatcher> {
  const db = databaseOf(store);
  const tables = (await tableNames(db, store.dialect)).filter((table) => table !== WRITES_TABLE);
  const watcher = store.dialect === 'sqlite' ? new SqliteRowWatcher(db) : new PostgresTableWatcher(db);
  await watcher.install(tables);
  return watcher;
}
