import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createDashboardUser } from '../../src/app/dashboard/create-dashboard-user.js';
import { randomIds } from '../../src/app/random-ids.js';
import { systemClock } from '../../src/app/system-clock.js';
import type { ProjectSettings } from '../../src/domain/projects/project.js';
import { launchChromium } from './browser.js';
import { buildDashboardForTest } from './dashboard-build.js';
import type { TestDatabase } from './databases.js';
import { startTestServer, type TestServer } from './test-server.js';
import { freePort } from './vouch-process.js';

/** Screenshots of the pages, for a person to look at (the directory is git-ignored). */
const SHOTS = fileURLToPath(new URL('../../test-results/dashboard', import.meta.url));

export interface DashboardUserSpec {
  email: string;
  password: string;
  role: 'admin' | 'member';
}

export interface DashboardInBrowser {
  server: TestServer;
  browser: Browser;
  /** A laptop-sized page, not yet signed in. */
  page: Page;
  /** Saves the page as `test-results/dashboard/<prefix><name>.png`. */
  shot: (name: string) => Promise<unknown>;
  close: () => Promise<void>;
}

/**
 * What every browser suite starts from: a server serving this checkout's dashboard build on a
 * port a browser can reach, its users (with access to the server's project), and Chromium.
 */
export async function openDashboardInBrowser(
  database: TestDatabase,
  options: {
    users: readonly DashboardUserSpec[];
    shotPrefix: string;
    /** The server's projects' settings, e.g. a timezone other than UTC. */
    projectSettings?: Partial<ProjectSettings>;
  },
): Promise<DashboardInBrowser> {
  mkdirSync(SHOTS, { recursive: true });
  const server = await startTestServer(database, {
    port: await freePort(),
    dashboardDir: buildDashboardForTest(),
    ...(options.projectSettings ? { settings: options.projectSettings } : {}),
  });
  for (const user of options.users) {
    await createDashboardUser(server.store, systemClock, randomIds, { ...user, projectIds: [server.project.id] });
  }
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return {
    server,
    browser,
    page,
    shot: (name) => page.screenshot({ path: `${SHOTS}/${options.shotPrefix}${name}.png`, fullPage: true }),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
