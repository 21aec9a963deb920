import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, readTodaysFigures, signInToDashboard } from '../support/browser.js';
import { type DashboardInBrowser, openDashboardInBrowser } from '../support/dashboard-in-browser.js';
import { TEST_DATABASES } from '../support/databases.js';
import type { TestProject, TestServer } from '../support/test-server.js';

const SQLITE = TEST_DATABASES[0];
const FIRST = 'Default project';
const SECOND = 'Second shop';
const SECOND_CAMPAIGN = 'Second shop sale';

async function nameProject(server: TestServer, project: TestProject, name: string): Promise<void> {
  const found = await server.store.projects.findById(project.id);
  if (!found) throw new Error(`project ${project.id} is missing`);
  await server.store.projects.update({ ...found, name });
}

/** A campaign of one code in the project, redeemed `times` times through the SDK, as a shop would. */
async function createRedeemedCampaign(server: TestServer, project: TestProject, name: string, times: number) {
  const sdk = server.sdk(project);
  const campaign = (await sdk.campaigns.create({
    name,
    vouchers_count: 1,
    voucher: {
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 500 },
      code_config: { pattern: 'TAB-#####' },
    },
  } as never)) as { id: string };
  let code: string | undefined;
  for (let attempt = 0; attempt < 100 && !code; attempt += 1) {
    const { vouchers } = await sdk.vouchers.list({ campaign_id: campaign.id } as never);
    code = vouchers[0]?.code;
    if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!code) throw new Error(`campaign ${name} got no code`);
  for (let use = 0; use < times; use += 1) {
    await sdk.redemptions.redeem(code, { customer: { source_id: `cust-${use}` }, order: { amount: 10000 } } as never);
  }
}

// Every tab shares localStorage; a tab's pages must follow its own header, not the last pick in any tab.
describe.runIf(hasChromium() && SQLITE)('the dashboard in two tabs on two projects, in Chromium', () => {
  let server: TestServer;
  let dashboard: DashboardInBrowser | undefined;
  let context: BrowserContext;
  let tabA: Page;
  let tabB: Page;

  beforeAll(async () => {
    dashboard = await openDashboardInBrowser(SQLITE!, {
      users: [{ email: 'admin@shop.example', password: 'autumn sale 2026', role: 'admin' }],
      shotPrefix: 'projects-',
    });
    server = dashboard.server;
    await nameProject(server, server.project, FIRST);
    await nameProject(server, server.otherProject, SECOND);
    await createRedeemedCampaign(server, server.project, 'Default sale', 3);
    await createRedeemedCampaign(server, server.otherProject, SECOND_CAMPAIGN, 1);

    context = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 } });
    tabA = await context.newPage();
    tabB = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it("shows each tab its own project's keys, figures and charts, and the sign-in form once the session ends", async () => {
    await tabA.goto(`${server.url}/dashboard/`);
    await signInToDashboard(tabA, 'admin@shop.example', 'autumn sale 2026');
    await tabA.getByLabel('Project').selectOption({ label: SECOND });
    await tabA.getByRole('link', { name: SECOND_CAMPAIGN }).waitFor();

    // Tab B opens on the browser's last pick (the second), then picks the first: the last pick now.
    await tabB.goto(`${server.url}/dashboard/`);
    await tabB.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    expect(await tabB.getByLabel('Project').inputValue()).toBe(server.otherProject.id);
    await tabB.getByLabel('Project').selectOption({ label: FIRST });
    await tabB.getByRole('link', { name: 'Default sale' }).waitFor();

    // A tab that never picks keeps what it opened on: tab C opens on the first (the last pick), tab A
    // picks the second again, and tab C reloaded is still on the first.
    const tabC = await tabB.context().newPage();
    await tabC.goto(`${server.url}/dashboard/`);
    await tabC.getByRole('link', { name: 'Default sale' }).waitFor();
    await tabA.getByLabel('Project').selectOption({ label: FIRST });
    await tabA.getByLabel('Project').selectOption({ label: SECOND });
    await tabA.getByRole('link', { name: SECOND_CAMPAIGN }).waitFor();
    await tabC.reload();
    await tabC.getByRole('link', { name: 'Default sale' }).waitFor();
    expect(await tabC.getByLabel('Project').inputValue()).toBe(server.project.id);
    await tabC.close();

    // Tab A still shows the second project, and so do its pages.
    await tabA.bringToFront();
    expect(await tabA.getByLabel('Project').inputValue()).toBe(server.otherProject.id);
    await tabA.getByRole('link', { name: 'Settings', exact: true }).click();
    await tabA.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await tabA.getByText(`The keys of ${SECOND}.`).waitFor();
    const keys = tabA.getByRole('table', { name: 'API keys of this project' });
    await keys.getByRole('row').filter({ hasText: server.otherProject.serverKey.app_id }).waitFor();
    expect(await keys.getByRole('row').filter({ hasText: server.project.serverKey.app_id }).count()).toBe(0);

    await tabA.getByRole('link', { name: 'Overview', exact: true }).click();
    await tabA.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const chart = tabA.getByRole('img', { name: /^Redemptions per day, last 30 days/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/1 succeeded, 0 failed, 0 rolled back in total/);
    expect(await readTodaysFigures(tabA, 'Redemptions per day')).toEqual(['1', '0', '0']);

    await tabA.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await tabA.getByRole('link', { name: SECOND_CAMPAIGN }).click();
    await tabA.getByRole('heading', { level: 1, name: SECOND_CAMPAIGN }).waitFor();
    const campaignChart = tabA.getByRole('img', { name: /^Redemptions per day/ });
    await campaignChart.waitFor();
    expect(await campaignChart.getAttribute('aria-label')).toMatch(/1 succeeded, 0 failed/);
    expect(await readTodaysFigures(tabA, 'Discount given per day')).toEqual(['5.00']);

    // The CSV import goes to the tab's project too (to the stored pick it would find no such campaign).
    await tabA.getByLabel('CSV file of codes').setInputFiles({
      name: 'codes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Code\nTAB-IMPORTED\n'),
    });
    await tabA.getByRole('button', { name: 'Import codes from CSV' }).click();
    await tabA
      .getByRole('status')
      .filter({ hasText: /imported/i })
      .waitFor({ timeout: 20_000 });
    await tabA
      .getByRole('table', { name: 'Codes of this campaign' })
      .getByRole('link', { name: 'TAB-IMPORTED' })
      .waitFor();

    // Signing out in tab B ends tab A's session too: its next page asks to sign in again.
    await tabB.bringToFront();
    await tabB.getByRole('button', { name: 'Sign out' }).click();
    await tabB.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await tabA.bringToFront();
    await tabA.getByRole('link', { name: 'Settings', exact: true }).click();
    await tabA.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await tabA.getByText('Sign in to the dashboard first').count()).toBe(0);

    // Signed in again, the tab is back on its own project, though the browser's last pick is the first.
    await tabA.getByLabel('Email').fill('admin@shop.example');
    await tabA.getByLabel('Password').fill('autumn sale 2026');
    await tabA.getByRole('button', { name: 'Sign in' }).click();
    await tabA.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await tabA.getByText(`The keys of ${SECOND}.`).waitFor();
  }, 60_000);
});
