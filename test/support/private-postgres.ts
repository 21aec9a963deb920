import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './vouch-process.js';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, in a temporary folder, on a port of its own: stopping it
 * disturbs no other suite. Trust auth, superuser `postgres`, listening on 127.0.0.1 only.
 */
export interface PrivatePostgres {
  port: number;
  /** The `postgres` database as the `postgres` superuser. */
  url: string;
  /** Starts the server again on the same port and data, after `stop`; resolves once it accepts connections. */
  start(): Promise<void>;
  /** A fast shutdown: open sessions are ended and their transactions rolled back. */
  stop(): Promise<void>;
  /** Stops the server if it runs and removes its folder; safe to call more than once. */
  destroy(): Promise<void>;
}

/**
 * The folder holding initdb and pg_ctl: the newest version under /usr/lib/postgresql (Debian and
 * Ubuntu), else wherever PATH finds initdb. Undefined when PostgreSQL's server is not installed.
 */
export function findPostgresBinaries(): string | undefined {
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const newest = readdirSync(debianRoot)
      .filter((version) => existsSync(join(debianRoot, version, 'bin', 'initdb')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
    if (newest !== undefined) return join(debianRoot, newest, 'bin');
  }
  return (process.env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && existsSync(join(dir, 'initdb')));
}

/** initdb refuses to run as root: as root, the server runs as the `postgres` user and owns its folder. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startPrivatePostgres(binaries: string): Promise<PrivatePostgres> {
  const user = serverUser();
  const folder = mkdtempSync(join(tmpdir(), 'vouch-pg-'));
  const data = join(folder, 'data');
  const sockets = join(folder, 'sockets');
  const log = join(folder, 'server.log');
  mkdirSync(sockets);
  if (user) {
    chownSync(folder, user.uid, user.gid);
    chownSync(sockets, user.uid, user.gid);
  }
  const commandLine = (program: string, args: string[]): [string, string[]] =>
    user ? ['runuser', ['-u', 'postgres', '--', join(binaries, program), ...args]] : [join(binaries, program), args];
  const pg = async (program: string, args: string[]) => {
    const [file, argv] = commandLine(program, args);
    try {
      await run(file, argv);
    } catch (error) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(`${program} failed: ${error instanceof Error ? error.message : error}\n${serverLog}`);
    }
  };

  const port = await freePort();
  // fsync off: the data only has to outlive a clean stop, never a power cut.
  const serverOptions = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const stopNow = (mode: 'fast' | 'immediate') => pg('pg_ctl', ['stop', '-w', '-D', data, '-m', mode]);
  // Should the test process end without its afterAll, the server must not outlive it.
  const stopOnExit = () => {
    if (!running) return;
    const [file, argv] = commandLine('pg_ctl', ['stop', '-D', data, '-m', 'immediate']);
    execFileSync(file, argv, { stdio: 'ignore' });
  };
  process.once('exit', stopOnExit);

  const server: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => {
      // Counted as running from the first moment, so a start that fails half-way is still stopped.
      running = true;
      await pg('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', serverOptions]);
    },
    stop: async () => {
      await stopNow('fast');
      running = false;
    },
    destroy: async () => {
      process.removeListener('exit', stopOnExit);
      if (running) await stopNow('immediate').catch(() => undefined);
      running = false;
      rmSync(folder, { recursive: true, force: true });
    },
  };
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    await server.start();
  } catch (error) {
    await server.destroy();
    throw error;
  }
  return server;
}
