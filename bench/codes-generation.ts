/**
 * `npx tsx bench/codes-generation.ts`: how fast codes are made in process, without a database.
 * One million 8-character codes from the default charset, as a campaign of that size asks for,
 * with the distinctness check (both case-sensitive and not) and without it. Prints figures only.
 */

import { randomCharsFor } from '../src/app/random-chars.js';
import { normalizeCodeConfig } from '../src/domain/codes/code-config.js';
import { generateCode, generateCodes } from '../src/domain/codes/generate-code.js';
import { assertKeyspaceFits } from '../src/domain/codes/keyspace.js';

const COUNT = Number(process.env.BENCH_CODES ?? 1_000_000);

function time(label: string, work: () => number): void {
  const started = process.hrtime.bigint();
  const made = work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = Math.round(made / seconds).toLocaleString('en-US');
  console.log(`${label.padEnd(44)} ${made.toLocaleString('en-US')} codes in ${seconds.toFixed(3)} s = ${rate} codes/s`);
}

const config = normalizeCodeConfig({ length: 8 });
const randomChars = randomCharsFor(config.charset);

// A first pass warms up the JIT and nanoid's pool, so the figures below are steady state.
generateCodes(config, 50_000, randomChars);

time('generateCode, no distinctness check', () => {
  let length = 0;
  for (let index = 0; index < COUNT; index += 1) length += generateCode(config, randomChars).length;
  return length / config.pattern.length;
});
time('generateCodes, distinct, case-sensitive', () => {
  assertKeyspaceFits(config, COUNT, 0, true);
  return generateCodes(config, COUNT, randomChars, { caseSensitive: true }).length;
});
time('generateCodes, distinct, case-insensitive', () => {
  assertKeyspaceFits(config, COUNT, 0, false);
  return generateCodes(config, COUNT, randomChars, { caseSensitive: false }).length;
});
const patterned = normalizeCodeConfig({ pattern: 'SUMMER-####-####', charset: '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ' });
time(
  'generateCodes, pattern SUMMER-####-####',
  () => generateCodes(patterned, COUNT, randomCharsFor(patterned.charset)).length,
);
