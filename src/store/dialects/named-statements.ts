import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * SQL texts that run on every checkout (registered by PreparedQuery), by the name PostgreSQL
 * keeps each one under. A bounded set: only those queries, one text per dialect and list length.
 */
const namesByText = new Map<string, string>();

export function registerHotStatement(text: string): void {
  if (!namesByText.has(text))
    namesByText.set(text, `vouch_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`);
}

type QueryFunction = (...args: unknown[]) => unknown;

/** 'I' when the connection is in no transaction (`pg` 8.x tracks it from ReadyForQuery). */
function transactionStatus(client: pg.PoolClient): string | null {
  return (client as unknown as { getTransactionStatus?: () => string | null }).getTransactionStatus?.() ?? null;
}

/**
 * PostgreSQL's refusal of a prepared `select *` whose table a newer process's migration altered.
 * The statement stays unusable on that connection, so every connection prepares its statements
 * again under new names from then on (planGeneration); a transaction it aborted is run again (the
 * dialect counts the error as a transient conflict).
 */
export function isStalePreparedPlan(error: unknown): boolean {
  const { code, routine } = (error ?? {}) as { code?: unknown; routine?: unknown };
  // The routine names the check whatever language the server speaks its messages in.
  return code === '0A000' && routine === 'RevalidateCachedQuery';
}

/**
 * Raised when any connection meets a stale plan: a migration changed a table for every
 * connection at once, so all of them prepare their statements again under new names, and a
 * transaction run again does not meet the same refusal on its next connection.
 */
let planGeneration = 0;

/**
 * Makes a pooled client run the hot statements as named prepared statements: PostgreSQL then
 * parses and plans each one once per connection instead of on every call, which is most of its
 * CPU for the short, indexed statements of a validation or redemption. Other SQL (lists with
 * their many filter combinations, migrations) stays unnamed, so a connection never holds more
 * than the bounded set above.
 *
 * `pg` offers no hook for this, so the client's `query` is wrapped when the pool connects it;
 * Kysely calls it as `query(text, values)`.
 */
export function nameHotStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFunction;
  const named: QueryFunction = async (text, values, ...rest) => {
    const name = typeof text === 'string' && rest.length === 0 ? namesByText.get(text) : undefined;
    if (!name) return query(text, values, ...rest);
    const run = () => query({ name: planGeneration === 0 ? name : `${name}_${planGeneration}`, text, values });
    const generationTried = planGeneration;
    try {
      return await run();
    } catch (error) {
      if (!isStalePreparedPlan(error)) throw error;
      if (planGeneration === generationTried) planGeneration++;
      // Outside a transaction the statement can simply be prepared again; inside one, the
      // transaction is aborted and runs again whole.
      if (transactionStatus(client) === 'I') return run();
      throw error;
    }
  };
  (client as unknown as { query: QueryFunction }).query = named;
}
