import { ensureEnvironmentAdmin } from '../app/dashboard/create-dashboard-user.js';
import { bootstrapInstallation } from '../app/projects/bootstrap-installation.js';
import { randomIds } from '../app/random-ids.js';
import { systemClock } from '../app/system-clock.js';
import type { Config } from '../config.js';
import { openStore } from '../store/open-store.js';
import { assembleServer } from './assemble-server.js';

const KEY_LABELS = {
  server: 'Server-side key (X-App-Id / X-App-Token)',
  client: 'Client-side key (X-Client-Application-Id / X-Client-Token)',
  management: 'Management key (X-Management-Id / X-Management-Token)',
} as const;

/**
 * `vouch serve`: migrate, make sure keys exist, answer HTTP, run background work. SIGTERM and
 * SIGINT stop taking requests, let in-flight ones finish, then close the database.
 */
export async function serve(config: Config): Promise<void> {
  const store = await openStore(config.database);
  const report = await bootstrapInstallation(store, systemClock, randomIds, config);
  const admin = config.dashboardAdmin
    ? await ensureEnvironmentAdmin(store, systemClock, randomIds, config.dashboardAdmin)
    : null;
  const { app, worker } = await assembleServer(store, {
    bodyLimitBytes: config.bodyLimitBytes,
    logLevel: config.logLevel,
    publicUrl: config.publicUrl,
    limits: config.limits,
    redis: config.redisUrl ? { url: config.redisUrl } : undefined,
    trustProxy: config.trustProxy,
    segmentSweepSeconds: config.segmentSweepSeconds,
  });
  const log = app.log;

  if (report.generatedKeys.length > 0) {
    // Printed once, on the first start only: the secrets are stored hashed and cannot be shown again.
    const lines = report.generatedKeys.map(
      ({ kind, key }) => `  ${KEY_LABELS[kind]}\n    app id:    ${key.app_id}\n    secret:    ${key.app_token}`,
    );
    process.stdout.write(
      `\nVouch created the project ${report.createdProjectId} with these keys. Keep them now; they are not shown again.\n${lines.join('\n')}\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing in-flight requests');
    await app.close();
    await worker.stop();
    await store.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  worker.start();
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  log.info(
    `Vouch is listening on http://${config.host}:${config.port} (database: ${where}); API docs at /docs, dashboard at /dashboard/`,
  );
  if (admin === 'created' || admin === 'updated') log.info(`dashboard admin ${config.dashboardAdmin?.email} ${admin}`);
}
