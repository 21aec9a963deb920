import { invalidPayload } from '../errors.js';
import { codeKey } from '../vouchers/code-key.js';
import { type NormalizedCodeConfig, RANDOM_MARK } from './code-config.js';

/** `count` characters drawn uniformly and independently from the config's charset. */
export type RandomChars = (count: number) => string;

export interface GenerateCodesOptions {
  /** Whether `ABC` and `abc` are different codes (the project's setting); true when absent. */
  caseSensitive?: boolean;
  /** Codes that exist already, such as the project's stored ones; they are drawn again. */
  isTaken?: (code: string) => boolean;
}

/**
 * The pattern as literal text and runs of '#', computed once per config, so a code is a few
 * concatenations: `SUMMER-####-####` is 'SUMMER-', 4 random, '-', 4 random.
 */
interface CompiledPattern {
  /** Literal text before each run; one more than the runs (the text after the last one). */
  literals: string[];
  /** Where each run ends in the random characters. */
  runEnds: number[];
  randomLength: number;
}

const compiled = new WeakMap<NormalizedCodeConfig, CompiledPattern>();

function compile(config: NormalizedCodeConfig): CompiledPattern {
  let pattern = compiled.get(config);
  if (pattern === undefined) {
    const literals: string[] = [];
    const runEnds: number[] = [];
    let randomLength = 0;
    for (const part of config.pattern.split(/(#+)/)) {
      if (part.startsWith(RANDOM_MARK)) {
        randomLength += part.length;
        runEnds.push(randomLength);
      } else {
        literals.push(part);
      }
    }
    pattern = { literals, runEnds, randomLength };
    compiled.set(config, pattern);
  }
  return pattern;
}

/** One code: the pattern with each '#' replaced by a random character of the charset. */
export function generateCode(config: NormalizedCodeConfig, randomChars: RandomChars): string {
  const { literals, runEnds, randomLength } = compile(config);
  const random = randomChars(randomLength);
  let code = literals[0] ?? '';
  let start = 0;
  for (let run = 0; run < runEnds.length; run += 1) {
    const end = runEnds[run] ?? randomLength;
    code += (runEnds.length === 1 ? random : random.slice(start, end)) + (literals[run + 1] ?? '');
    start = end;
  }
  return code;
}

/**
 * `count` codes, distinct from each other and from taken ones under the project's case
 * sensitivity. Call assertKeyspaceFits first: with room to spare, draws rarely collide. The
 * attempts are bounded so a nearly full keyspace fails instead of looping.
 */
export function generateCodes(
  config: NormalizedCodeConfig,
  count: number,
  randomChars: RandomChars,
  options: GenerateCodesOptions = {},
): string[] {
  const caseSensitive = options.caseSensitive ?? true;
  const isTaken = options.isTaken;
  const seen = new Set<string>();
  const codes: string[] = [];
  const maxAttempts = count * 10 + 100;
  for (let attempt = 0; codes.length < count; attempt += 1) {
    if (attempt >= maxAttempts) {
      throw invalidPayload(
        `code_config pattern "${config.pattern}" could not make ${count} unused codes; its keyspace is nearly full`,
      );
    }
    const code = generateCode(config, randomChars);
    const key = codeKey(code, caseSensitive);
    if (seen.has(key) || isTaken?.(code)) continue;
    seen.add(key);
    codes.push(code);
  }
  return codes;
}
