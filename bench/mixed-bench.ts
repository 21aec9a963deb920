/**
 * The mixed scenario of the hardening issue: 70% validate, 25% redeem, 5% rollback over 100,000
 * codes, in consecutive windows (minute one, minute two, ...) so that a leak or a scan that grows
 * with the tables shows as a trend between windows. Reports throughput, p50/p99/p99.9 and the
 * server's resident memory per window.
 */

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GENERATOR = fileURLToPath(new URL('./mixed-load-generator.mjs', import.meta.url));

export const MIXED_CODE_COUNT = 100_000;
export const MIXED_CODE_PREFIX = 'MIX-';

export interface MixedWindow {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  errors: number;
  /** Answers by request kind and status, e.g. `redeem 200`. */
  counts: Record<string, number>;
  /** The largest resident memory of the server process(es) seen during the window, in MB. */
  rssMb: number;
}

export interface MixedRun {
  urls: string[];
  headers: Record<string, string>;
  cart: string;
  windowSeconds: number;
  windows: number;
  connections?: number;
  /** Current resident memory of the server(s) in bytes, sampled every second. */
  residentBytes: () => number;
}

export async function measureMixed(spec: MixedRun): Promise<MixedWindow[]> {
  const started = Date.now();
  const samples: { at: number; bytes: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: Date.now() - started, bytes: spec.residentBytes() }), 1000);
  try {
    const { stdout } = await run(
      process.execPath,
      [
        GENERATOR,
        JSON.stringify({
          urls: spec.urls,
          headers: spec.headers,
          cart: spec.cart,
          codePrefix: MIXED_CODE_PREFIX,
          codeCount: MIXED_CODE_COUNT,
          connections: spec.connections ?? 50,
          windowSeconds: spec.windowSeconds,
          windows: spec.windows,
        }),
      ],
      { maxBuffer: 1024 * 1024 },
    );
    const windows = JSON.parse(stdout) as Omit<MixedWindow, 'rssMb'>[];
    return windows.map((window, index) => {
      const inWindow = samples.filter((s) => Math.floor(s.at / 1000 / spec.windowSeconds) === index);
      const peak = Math.max(0, ...inWindow.map((s) => s.bytes));
      return { ...window, rssMb: Math.round(peak / 1024 / 1024) };
    });
  } finally {
    clearInterval(sampler);
  }
}

/** Resident memory of other processes, from /proc (Linux); 0 where /proc is missing. */
export function residentBytesOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // the process has gone; it holds no memory
    }
  }
  return total;
}

export function printMixed(title: string, windows: MixedWindow[], windowSeconds: number): void {
  console.log(`\n${title}`);
  console.log('  window      req/s   p50 ms   p99 ms  p99.9 ms   RSS MB   errors   answers');
  windows.forEach((w, index) => {
    const span = `${index * windowSeconds}-${(index + 1) * windowSeconds}s`;
    const answers = Object.entries(w.counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ');
    console.log(
      `  ${span.padEnd(10)} ${String(w.requestsPerSecond).padStart(6)} ${String(w.p50Ms).padStart(8)} ${String(w.p99Ms).padStart(8)} ${String(w.p999Ms).padStart(9)} ${String(w.rssMb).padStart(8)} ${String(w.errors).padStart(8)}   ${answers}`,
    );
  });
  if (windows.length > 1) {
    const first = windows[0] as MixedWindow;
    const last = windows.at(-1) as MixedWindow;
    console.log(
      `  last window against the first: p99 ${ratio(last.p99Ms, first.p99Ms)}, throughput ${ratio(last.requestsPerSecond, first.requestsPerSecond)}, RSS ${last.rssMb - first.rssMb >= 0 ? '+' : ''}${last.rssMb - first.rssMb} MB`,
    );
  }
}

function ratio(now: number, before: number): string {
  return before === 0 ? 'n/a' : `×${(now / before).toFixed(2)}`;
}
