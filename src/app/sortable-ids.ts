import { randomCharsFor } from './random-chars.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 7;
const SEQUENCE_CHARS = 4;
const RANDOM_CHARS = 13;
const MAX_SEQUENCE = 62 ** SEQUENCE_CHARS;
const randomBody = randomCharsFor(BASE62);

let lastMs = 0;
let sequence = 0;

function toBase62(value: number, width: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    text = BASE62[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

/**
 * `count` ids (the prefix and 24 base62 characters) that sort in the
 * order they are made: milliseconds, a sequence within the millisecond, then 13 random characters
 * (77 bits). Generated codes take these so the primary-key and creation-time indexes grow at their
 * end; a million random keys would rewrite pages all over those indexes instead.
 */
export function newSortableIds(prefix: string, count: number, nowMs: number): string[] {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  }
  const random = randomBody(RANDOM_CHARS * count);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    if (sequence >= MAX_SEQUENCE) {
      lastMs += 1;
      sequence = 0;
    }
    const body = random.slice(i * RANDOM_CHARS, (i + 1) * RANDOM_CHARS);
    ids.push(`${prefix}${toBase62(lastMs, TIME_CHARS)}${toBase62(sequence, SEQUENCE_CHARS)}${body}`);
    sequence += 1;
  }
  return ids;
}
