import { randomUUID } from 'node:crypto';
import type { Ids } from './ports.js';
import { newSortableIds } from './sortable-ids.js';

/**
 * Ids like Voucherify's (a prefix such as `cust_` and 24 base62 characters) that sort in the
 * order they are made, so every table's primary key grows at its end: a transaction then touches
 * a few pages instead of one page per random key, which is most of the cost of a commit.
 */
export const randomIds: Ids = {
  newId: (prefix) => newSortableIds(prefix, 1, Date.now())[0] as string,
  newSecret: () => randomUUID(),
  newAppId: () => randomUUID(),
};
