import { type Kysely, sql } from 'kysely';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database } from '../tables.js';
import { matchesTextSearch } from './text-search.js';

/**
 * The ids of the project's customers whose source_id, name or email contains `search`, as a
 * subquery: lists of what customers own (orders, redemptions) search their owner with
 * `customer_id in (…)`, which their (project_id, customer_id) index serves and which, unlike a
 * join, never repeats a row.
 */
export function customersMatchingSearch(
  db: Kysely<Database>,
  projectId: string,
  capabilities: DialectCapabilities,
  search: string,
) {
  return db
    .selectFrom('customers')
    .select('customers.id')
    .where('customers.project_id', '=', projectId)
    .where(
      matchesTextSearch(
        capabilities,
        [sql.ref('customers.source_id'), sql.ref('customers.name'), sql.ref('customers.email')],
        search,
      ),
    );
}
