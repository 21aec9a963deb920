import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GENERATOR = fileURLToPath(new URL('./load-generator.mjs', import.meta.url));

export interface BenchFigures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** One route under load. `{n}` in the path or body becomes a running number per request. */
export interface LoadSpec {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** How `{n}` runs: from `start`, by `step`, modulo `modulo` (spreads requests over many codes). */
  sequence?: { start?: number; step?: number; modulo?: number };
}

/**
 * Runs autocannon against one route from a separate process (so the load does not eat the
 * server's event loop) and reduces its report to the figures we compare.
 */
export async function measure(
  name: string,
  url: string,
  spec: LoadSpec,
  seconds: number,
  connections = 50,
): Promise<BenchFigures> {
  const { stdout } = await run(process.execPath, [GENERATOR, JSON.stringify({ ...spec, url, seconds, connections })], {
    maxBuffer: 1024 * 1024,
  });
  return { name, ...(JSON.parse(stdout) as Omit<BenchFigures, 'name'>) };
}

export function printFigures(title: string, rows: BenchFigures[], ceiling?: BenchFigures): void {
  console.log(`\n${title}`);
  console.log('  scenario                          req/s    p50 ms   p99 ms   of ceiling   errors/non-2xx');
  for (const row of rows) {
    const ratio = ceiling ? `${Math.round((row.requestsPerSecond / ceiling.requestsPerSecond) * 100)}%` : '';
    console.log(
      `  ${row.name.padEnd(32)} ${String(row.requestsPerSecond).padStart(6)} ${String(row.p50Ms).padStart(9)} ${String(row.p99Ms).padStart(8)} ${ratio.padStart(12)}   ${row.errors}/${row.non2xx}`,
    );
  }
}
