import { randomUUID } from 'node:crypto';
import { customAlphabet } from 'nanoid';
import type { Ids } from './ports.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 24 base62 characters (about 143 bits), drawn uniformly from a pooled random buffer. */
const idBody = customAlphabet(BASE62, 24);

/** Ids like Voucherify's: a prefix such as `cust_` and 24 random characters. */
export const randomIds: Ids = {
  newId: (prefix) => `${prefix}${idBody()}`,
  newSecret: () => randomUUID(),
  newAppId: () => randomUUID(),
};
