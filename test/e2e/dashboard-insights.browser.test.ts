import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsPastScreenEdge, hasChromium, readTodaysFigures, signInToDashboard } from '../support/browser.js';
import { type DashboardInBrowser, openDashboardInBrowser } from '../support/dashboard-in-browser.js';
import { TEST_DATABASES } from '../support/databases.js';
import type { TestServer } from '../support/test-server.js';

const SQLITE = TEST_DATABASES[0];
const CAMPAIGN = 'Insights sale';

/** The campaign's code, once the server has generated it (it may do so on its worker). */
async function waitForFirstCode(server: TestServer, campaignId: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { vouchers } = await server.sdk().vouchers.list({ campaign_id: campaignId } as never);
    if (vouchers[0]) return vouchers[0].code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`campaign ${campaignId} got no code`);
}

describe.runIf(hasChromium() && SQLITE)('the dashboard overview and settings in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let dashboard: DashboardInBrowser | undefined;
  let page: Page;
  let code: string;
  let shot: DashboardInBrowser['shot'];

  beforeAll(async () => {
    dashboard = await openDashboardInBrowser(SQLITE!, {
      users: [
        { email: 'admin@shop.example', password: 'autumn sale 2026', role: 'admin' },
        { email: 'member@shop.example', password: 'winter sale 2026', role: 'member' },
      ],
      shotPrefix: 'insights-',
    });
    ({ server, browser, page, shot } = dashboard);

    // A code good for two uses, used twice by a shop through the SDK; a third use is refused.
    const sdk = server.sdk();
    const campaign = (await sdk.campaigns.create({
      name: CAMPAIGN,
      vouchers_count: 1,
      voucher: {
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'AMOUNT', amount_off: 1000 },
        redemption: { quantity: 2 },
        code_config: { pattern: 'FALL-#####' },
      },
    } as never)) as { id: string };
    code = await waitForFirstCode(server, campaign.id);
    for (const customer of ['ann', 'bob']) {
      await sdk.redemptions.redeem(code, { customer: { source_id: customer }, order: { amount: 20000 } } as never);
    }
    await expect(
      sdk.redemptions.redeem(code, { customer: { source_id: 'cid' }, order: { amount: 20000 } } as never),
    ).rejects.toMatchObject({ code: 400 });
  }, 120_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it("shows today's redemptions on the overview and the campaign page, and rotates the server key", async () => {
    await page.goto(`${server.url}/dashboard/`);
    await signInToDashboard(page, 'admin@shop.example', 'autumn sale 2026');

    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const chart = page.getByRole('img', { name: /^Redemptions per day, last 30 days/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/2 succeeded, 1 failed, 0 rolled back in total/);
    expect(await readTodaysFigures(page, 'Redemptions per day')).toEqual(['2', '1', '0']);
    expect(await readTodaysFigures(page, 'Discount given per day')).toEqual(['20.00']);
    expect(
      await page
        .getByRole('table', { name: /^Failures by reason/ })
        .getByRole('row')
        .count(),
    ).toBe(2);
    expect(
      await page
        .getByRole('table', { name: /^Top customers/ })
        .getByRole('row')
        .count(),
    ).toBe(3);
    await shot('01-overview');

    await page.getByLabel('Period').selectOption({ label: 'Last 7 days' });
    await page.getByRole('img', { name: /^Redemptions per day, last 7 days/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('days')).toBe('7');
    expect(await page.getByRole('table', { name: 'Redemptions per day' }).getByRole('row').count()).toBe(8);

    // Usable on a phone: nothing wider than the screen but the tables, which scroll.
    await page.setViewportSize({ width: 375, height: 800 });
    await shot('02-overview-phone');
    expect(await elementsPastScreenEdge(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: CAMPAIGN }).click();
    await page.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Redemptions over time' }).waitFor();
    const campaignChart = page.getByRole('img', { name: /^Redemptions per day/ });
    await campaignChart.waitFor();
    expect(await campaignChart.getAttribute('aria-label')).toMatch(/2 succeeded, 1 failed/);
    expect(await readTodaysFigures(page, 'Redemptions per day')).toEqual(['2', '1', '0']);
    expect(await readTodaysFigures(page, 'Discount given per day')).toEqual(['20.00']);
    await shot('03-campaign');

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const serverRow = page.getByRole('row').filter({ hasText: server.project.serverKey.app_id });
    await serverRow.getByRole('button', { name: /^Rotate secret/ }).click();
    await serverRow.getByRole('button', { name: 'Rotate now' }).click();
    const secret = ((await page.getByTestId('issued-secret').textContent()) ?? '').trim();
    await page.getByText('Copy it now, it is not shown again.').waitFor();
    await shot('04-settings-rotated');
    expect(secret).not.toBe(server.project.serverKey.app_token);

    const oldAnswer = await fetch(`${server.url}/v1/vouchers/${code}`, { headers: server.serverHeaders() });
    expect(oldAnswer.status).toBe(401);
    const newHeaders = { ...server.serverHeaders(), 'x-app-token': secret };
    const newAnswer = await fetch(`${server.url}/v1/vouchers/${code}`, { headers: newHeaders });
    expect(newAnswer.status).toBe(200);

    // Shown once: after it is dismissed, nothing on the page holds the secret any more.
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByTestId('issued-secret').count()).toBe(0);
  }, 120_000);

  it("lists a member's project keys without a way to rotate them", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const member = await context.newPage();
    await member.goto(`${server.url}/dashboard/settings`);
    await member.getByLabel('Email').fill('member@shop.example');
    await member.getByLabel('Password').fill('winter sale 2026');
    await member.getByRole('button', { name: 'Sign in' }).click();
    await member.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const keys = member.getByRole('table', { name: 'API keys of this project' });
    await keys.getByRole('row').filter({ hasText: server.project.clientKey.app_id }).waitFor();
    expect(await keys.getByRole('row').count()).toBe(3);
    expect(await member.getByRole('button', { name: /Rotate secret/ }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
