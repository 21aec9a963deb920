import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const BUILT_MAIN = join(ROOT, 'dist/cli/main.js');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The program the CLI tests start: the build `npm install` made (what users run, and twice as quick
 * to start) when it is newer than every source file, as after `npm ci`; else the sources through
 * tsx's loader, in one process, so signals reach Vouch itself (the `tsx` command would put a
 * process of its own in between).
 */
const NODE_ARGS =
  existsSync(BUILT_MAIN) && statSync(BUILT_MAIN).mtimeMs >= newestSourceTime(join(ROOT, 'src'))
    ? [BUILT_MAIN]
    : ['--import', 'tsx', MAIN];

export interface VouchProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A free local port: bound once by the OS, then released for the child to take. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs the `vouch` CLI from source and waits for it to exit; for one-shot commands. */
export async function runVouch(
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: ROOT,
    env: { ...process.env, VOUCH_LOG_LEVEL: 'warn', ...env },
  });
  child.stdin.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

export interface StartOptions {
  /** How long to wait for /health; several processes starting at once on a busy machine need more. */
  startupTimeoutMs?: number;
}

/** Starts `vouch serve` from source on a free port and waits until /health answers. */
export async function startVouch(env: Record<string, string>, options: StartOptions = {}): Promise<VouchProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_ARGS, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, VOUCH_LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startupTimeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vouch exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`vouch did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

/**
 * Starts `count` `vouch serve` processes on the same settings at once (on PostgreSQL they share
 * one database). If any fails to start, the others are stopped before the error is thrown.
 */
export async function startVouchProcesses(
  count: number,
  env: Record<string, string>,
  options: StartOptions = {},
): Promise<VouchProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startVouch(env, options)));
  const processes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await Promise.all(processes.map((p) => p.stop()));
    throw failure.reason;
  }
  return processes;
}
