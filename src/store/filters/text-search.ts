import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectCapabilities } from '../dialects/capabilities.js';

/**
 * A LIKE pattern that finds `text` anywhere. What the user typed is taken literally: `%` and `_`
 * (LIKE's wildcards) and `\` (the escape character) are each escaped.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The lists' search (a Vouch extension): some of `columns` contains `text`, whatever the case.
 * A null column matches nothing, so optional fields (a product's source_id) simply drop out.
 */
export function matchesTextSearch(
  capabilities: DialectCapabilities,
  columns: readonly Expression<string | null>[],
  text: string,
): RawBuilder<SqlBool> {
  const pattern = containsPattern(text);
  const conditions = columns.map((column) => capabilities.likeIgnoringCase(column, pattern));
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}
