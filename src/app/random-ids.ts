import { randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from './ports.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters drawn uniformly from base62 (rejection sampling avoids modulo bias). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Ids like Voucherify's (`cust_` + 24 random base62 characters, about 143 bits). */
export const randomIds: Ids = {
  newId: (prefix) => `${prefix}${randomBase62(24)}`,
  newSecret: () => randomUUID(),
  newAppId: () => randomUUID(),
};
