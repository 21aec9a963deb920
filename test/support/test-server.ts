import type { AddressInfo } from 'node:net';
import VoucherifySdk from '@voucherify/sdk';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../src/app/ports.js';
import { type IssuedKey, issueApiKey } from '../../src/app/projects/create-api-key.js';
import { createProject } from '../../src/app/projects/create-project.js';
import { randomIds } from '../../src/app/random-ids.js';
import { systemClock } from '../../src/app/system-clock.js';
import { type AssembleOptions, assembleServer } from '../../src/cli/assemble-server.js';
import type { ProjectSettings } from '../../src/domain/projects/project.js';
import type { AsyncActionWorker } from '../../src/jobs/async-action-worker.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { TestDatabase } from './databases.js';

const { VoucherifyServerSide, VoucherifyClientSide } = VoucherifySdk;

export const TRUSTED_ORIGIN = 'https://shop.example.com';

export interface TestProject {
  id: string;
  serverKey: IssuedKey;
  clientKey: IssuedKey;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: KyselyStore;
  worker: AsyncActionWorker;
  management: IssuedKey;
  /** A project with both keys, trusting TRUSTED_ORIGIN. */
  project: TestProject;
  /** Another project, to prove that keys never cross projects. */
  otherProject: TestProject;
  sdk(project?: TestProject): ReturnType<typeof VoucherifyServerSide>;
  clientSdk(project?: TestProject, origin?: string): ReturnType<typeof VoucherifyClientSide>;
  /** Headers that authenticate raw requests (inject or fetch) as the project's server side. */
  serverHeaders(project?: TestProject): Record<string, string>;
  clientHeaders(project?: TestProject, origin?: string): Record<string, string>;
  managementHeaders(): Record<string, string>;
  createProject(settings?: Partial<ProjectSettings>): Promise<TestProject>;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  settings?: Partial<ProjectSettings>;
  /** Rate limits and the guessing defence are off unless a test turns them on here. */
  traffic?: Pick<AssembleOptions, 'limits' | 'redis' | 'trustProxy'>;
  /** Listen on this port, and hand out links (QR codes, barcodes) that reach it; a browser follows them. */
  port?: number;
  /** A dashboard build of the test's own (see test/support/dashboard-build.ts). */
  dashboardDir?: string;
}

/** A real Vouch server on a random local port over a fresh database, with two projects and a management key. */
export async function startTestServer(database: TestDatabase, options: StartOptions = {}): Promise<TestServer> {
  const opened = await database.open();
  const { store } = opened;
  const clock = options.clock ?? systemClock;
  const { app, worker } = await assembleServer(store, {
    publicUrl: `http://127.0.0.1:${options.port ?? 0}`,
    ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
    clock,
    keyCacheTtlMs: 0,
    workerPollIntervalMs: 50,
    bodyLimitBytes: 1024 * 1024,
    logLevel: process.env.VOUCH_TEST_LOG ?? 'silent',
    ...options.traffic,
  });
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  worker.start();
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const newProject = async (settings: Partial<ProjectSettings> = {}): Promise<TestProject> => {
    const created = await createProject(store, clock, randomIds, {
      name: `project ${randomIds.newId('')}`,
      settings: { client_trusted_domains: [TRUSTED_ORIGIN], ...options.settings, ...settings },
    });
    return { id: created.project.id, serverKey: created.server_side_key, clientKey: created.client_side_key };
  };
  const project = await newProject();
  const otherProject = await newProject();
  const management = await issueApiKey(store, clock, randomIds, { kind: 'management', projectId: null });

  const serverHeaders = (p: TestProject = project) => ({
    'x-app-id': p.serverKey.app_id,
    'x-app-token': p.serverKey.app_token,
  });
  const clientHeaders = (p: TestProject = project, origin = TRUSTED_ORIGIN) => ({
    'x-client-application-id': p.clientKey.app_id,
    'x-client-token': p.clientKey.app_token,
    origin,
  });

  return {
    url,
    app,
    store,
    worker,
    management,
    project,
    otherProject,
    sdk: (p = project) =>
      VoucherifyServerSide({ applicationId: p.serverKey.app_id, secretKey: p.serverKey.app_token, apiUrl: url }),
    clientSdk: (p = project, origin = TRUSTED_ORIGIN) =>
      VoucherifyClientSide({
        clientApplicationId: p.clientKey.app_id,
        clientSecretKey: p.clientKey.app_token,
        apiUrl: url,
        origin,
      }),
    serverHeaders,
    clientHeaders,
    managementHeaders: () => ({ 'x-management-id': management.app_id, 'x-management-token': management.app_token }),
    createProject: newProject,
    close: async () => {
      await app.close();
      await worker.stop();
      await opened.dispose();
    },
  };
}

/** Polls an async action until it is finished; bulk jobs run on the server's worker. */
export async function waitForAsyncAction(server: TestServer, id: string, project: TestProject = server.project) {
  const sdk = server.sdk(project);
  for (let i = 0; i < 400; i++) {
    const action = await sdk.asyncActions.get(id);
    if (action.status === 'DONE' || action.status === 'FAILED') return action;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`async action ${id} did not finish`);
}
