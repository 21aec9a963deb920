#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDashboardUser } from '../app/dashboard/create-dashboard-user.js';
import { issueApiKey } from '../app/projects/create-api-key.js';
import { createProject } from '../app/projects/create-project.js';
import { randomIds } from '../app/random-ids.js';
import type { ApiKeyKind } from '../app/repositories/api-key-repository.js';
import { systemClock } from '../app/system-clock.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { isDashboardRole } from '../domain/dashboard/dashboard-user.js';
import { AppError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { doctor } from './doctor.js';
import { serve } from './serve.js';

const USAGE = `Usage: vouch <command>

Commands:
  serve                                   start the server (the default)
  migrate                                 apply database migrations and exit
  doctor [--json]                         check every stored counter against the rows it counts;
                                          exit 0 clean, 1 drift found, 2 error
  projects create --name NAME             create a project; prints its keys
  keys create --kind server|client|management [--project ID]
                                          issue a new key; prints it once
  users create --email EMAIL [--role admin|member] [--project ID]...
                                          add a dashboard user; the password comes from
                                          --password or, better, the first line of stdin

Configuration comes from the environment: PORT, HOST, VOUCH_DB (file path or postgres:// URL),
VOUCH_APP_ID/VOUCH_SECRET_KEY, VOUCH_CLIENT_APP_ID/VOUCH_CLIENT_SECRET_KEY,
VOUCH_MANAGEMENT_ID/VOUCH_MANAGEMENT_TOKEN, VOUCH_ADMIN_EMAIL/VOUCH_ADMIN_PASSWORD, VOUCH_LOG_LEVEL,
VOUCH_BODY_LIMIT.`;

/** The first line of stdin: a password piped in stays out of the process list and the shell history. */
async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function withStore<T>(
  config: Config,
  work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore(config.database);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      project: { type: 'string', multiple: true },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command = 'serve', subcommand] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Before loadConfig: the doctor answers every failure, a bad setting too, with exit code 2.
  if (command === 'doctor') {
    process.exitCode = await doctor({ json: values.json === true });
    return;
  }
  const config = loadConfig();

  if (command === 'serve') return serve(config);

  if (command === 'migrate') {
    await withStore(config, async () => undefined);
    process.stdout.write('Database is up to date.\n');
    return;
  }

  if (command === 'projects' && subcommand === 'create') {
    if (!values.name) throw new ConfigError('projects create needs --name');
    const name = values.name;
    const created = await withStore(config, (store) => createProject(store, systemClock, randomIds, { name }));
    process.stdout.write(
      `${JSON.stringify({ id: created.project.id, name, server_side_key: created.server_side_key, client_side_key: created.client_side_key }, null, 2)}\n`,
    );
    return;
  }

  if (command === 'keys' && subcommand === 'create') {
    const kind = values.kind as ApiKeyKind | undefined;
    if (kind !== 'server' && kind !== 'client' && kind !== 'management') {
      throw new ConfigError('keys create needs --kind server, client or management');
    }
    const project = values.project?.[0];
    if (kind !== 'management' && !project) throw new ConfigError(`a ${kind} key needs --project ID`);
    const key = await withStore(config, async (store) => {
      if (kind !== 'management' && !(await store.projects.findById(project as string))) {
        throw new ConfigError(`no project ${project}`);
      }
      return issueApiKey(store, systemClock, randomIds, {
        kind,
        projectId: project ?? null,
        name: `${kind} (cli)`,
      });
    });
    process.stdout.write(`${JSON.stringify({ kind, ...key }, null, 2)}\n`);
    return;
  }

  if (command === 'users' && subcommand === 'create') {
    if (!values.email) throw new ConfigError('users create needs --email');
    const role = values.role ?? 'admin';
    if (!isDashboardRole(role)) throw new ConfigError('--role is admin or member');
    const password = values.password ?? (await readFirstLine());
    const email = values.email;
    const user = await withStore(config, (store) =>
      createDashboardUser(store, systemClock, randomIds, { email, password, role, projectIds: values.project ?? [] }),
    );
    process.stdout.write(`${JSON.stringify(user, null, 2)}\n`);
    return;
  }

  throw new ConfigError(`unknown command "${positionals.join(' ')}"\n\n${USAGE}`);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) {
    process.stderr.write(
      `vouch: ${error.message}${error instanceof AppError && error.details ? `: ${error.details}` : ''}\n`,
    );
  } else if (error instanceof Error && /ECONNREFUSED|password authentication|does not exist/.test(error.message)) {
    process.stderr.write(`vouch: cannot open the database: ${error.message}\n`);
  } else {
    process.stderr.write(`vouch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
