import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsPastScreenEdge, hasChromium, readTodaysFigures } from '../support/browser.js';
import { type DashboardInBrowser, openDashboardInBrowser } from '../support/dashboard-in-browser.js';
import { TEST_DATABASES } from '../support/databases.js';
import type { TestServer } from '../support/test-server.js';

const SQLITE = TEST_DATABASES[0];

describe.runIf(hasChromium() && SQLITE)('the dashboard in Chromium', () => {
  let server: TestServer;
  let dashboard: DashboardInBrowser | undefined;
  let page: Page;
  let shot: DashboardInBrowser['shot'];

  beforeAll(async () => {
    dashboard = await openDashboardInBrowser(SQLITE!, {
      users: [{ email: 'marketer@shop.example', password: 'spring sale 2026', role: 'member' }],
      shotPrefix: '',
    });
    ({ server, page, shot } = dashboard);
  }, 120_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it('signs in, creates a coupon campaign with a pattern and a validation rule, shows its codes, the redemption and the chart move, and rolls it back from its page', async () => {
    const rule = (await server.sdk().validationRules.create({
      name: 'Orders over 100.00',
      rules: { '1': { name: 'order.amount', conditions: { $more_than: [10000] } }, logic: '1' },
      error: { message: 'Spend more than 100.00 to use this code' },
    } as never)) as { id: string };
    await page.goto(`${server.url}/dashboard/`);
    await page.getByLabel('Email').fill('marketer@shop.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Wrong email or password/);
    await shot('01-sign-in');
    await page.getByLabel('Password').fill('spring sale 2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();

    await page.getByRole('link', { name: 'New coupon campaign' }).click();
    await page.getByLabel('Name').fill('Spring sale');
    await page.getByLabel('Code pattern').fill('SPRING-####');
    await page.getByLabel('Number of codes').fill('40');
    await page.getByLabel('Percent off').fill('15');
    await page.getByLabel('Validation rule (optional)').selectOption({ label: 'Orders over 100.00' });
    const samples = await page.getByRole('list', { name: 'Sample codes' }).innerText();
    expect(samples.split('\n').filter((line) => /^SPRING-\w{4}$/.test(line.trim()))).toHaveLength(5);
    // 62 characters to the power of four `#`.
    expect((await page.getByTestId('keyspace-size').innerText()).replace(/\D/g, '')).toBe('14776336');
    await shot('02-new-campaign');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring sale' }).waitFor();

    // The codes the server generated are the ones the page lists.
    const codes = page.getByRole('table').getByRole('link', { name: /^SPRING-/ });
    await expect.poll(() => codes.count(), { timeout: 20_000 }).toBe(20);
    await shot('03-campaign');
    const campaigns = (await server.sdk().campaigns.list({ limit: 10 } as never)) as {
      campaigns: { name: string; vouchers_count: number }[];
    };
    expect(campaigns.campaigns.find((c) => c.name === 'Spring sale')?.vouchers_count).toBe(40);
    const created = (await server.sdk().campaigns.get('Spring sale')) as unknown as {
      id: string;
      validation_rules_assignments: { data: { rule_id: string }[] };
    };
    expect(created.validation_rules_assignments.data.map((assignment) => assignment.rule_id)).toEqual([rule.id]);
    const campaignPath = new URL(page.url()).pathname;
    const code = (await codes.first().innerText()).trim();

    await codes.first().click();
    await page.getByRole('heading', { level: 1, name: `Code ${code}` }).waitFor();
    const qr = page.getByRole('img', { name: `QR code for ${code}` });
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    const barcode = page.getByRole('img', { name: `Barcode for ${code}` });
    await expect
      .poll(() => barcode.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await shot('04-voucher');

    // A shop redeems the code through the API: the rule refuses a small order, a large one passes.
    const refused = await server
      .sdk()
      .redemptions.redeem(code, { customer: { source_id: 'ann' }, order: { amount: 5000 } } as never)
      .catch((error: { key?: string; message?: string }) => error);
    expect(refused).toMatchObject({ key: 'order_rules_violated', message: 'Spend more than 100.00 to use this code' });
    const redemption = (await server.sdk().redemptions.redeem(code, {
      customer: { source_id: 'ann' },
      order: { amount: 20000 },
    } as never)) as { id: string };

    // The campaign's chart moves: today one success (30.00 off) and the refusal.
    await page.goto(`${server.url}${campaignPath}`);
    await page.getByRole('heading', { level: 2, name: 'Redemptions over time' }).waitFor();
    const chart = page.getByRole('img', { name: /^Redemptions per day/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/1 succeeded, 1 failed, 0 rolled back/);
    expect(await readTodaysFigures(page, 'Redemptions per day')).toEqual(['1', '1', '0']);
    expect(await readTodaysFigures(page, 'Discount given per day')).toEqual(['30.00']);
    await shot('05-campaign-chart');
    // The campaign list counts it too: one redemption, 30.00 given.
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const listed = page.getByRole('row', { name: /Spring sale/ });
    await expect
      .poll(async () => (await listed.getByRole('cell').allInnerTexts()).map((text) => text.trim()))
      .toEqual(['Discount coupons', 'Active', 'Always', '40', '1', '30.00', expect.any(String)]);

    // The dashboard shows the redemption in its list.
    await page.getByRole('link', { name: 'Redemptions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Redemptions' }).waitFor();
    const row = page.getByRole('link', { name: new RegExp(`redemption ${redemption.id}`) });
    await row.waitFor();
    await shot('06-redemptions');
    await row.click();
    await page.getByRole('heading', { level: 1, name: 'Redemption' }).waitFor();
    await page.getByRole('button', { name: 'Roll back' }).click();
    await page.getByRole('status').filter({ hasText: 'Rolled back' }).waitFor();
    await shot('07-rolled-back');
    const stored = (await server.sdk().redemptions.get(redemption.id)) as unknown as { status: string };
    expect(stored.status).toBe('ROLLED_BACK');
    const voucher = (await server.sdk().vouchers.get(code)) as { redemption: { redeemed_quantity: number } };
    expect(voucher.redemption.redeemed_quantity).toBe(0);
    // And the chart moves back: the use is rolled back, no discount stands.
    await page.goto(`${server.url}${campaignPath}`);
    await expect
      .poll(() => page.getByRole('img', { name: /^Redemptions per day/ }).getAttribute('aria-label'))
      .toMatch(/0 succeeded, 1 failed, 1 rolled back/);
    // The campaign list counts what stands: no redemption, no discount, and says one was rolled back.
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await expect
      .poll(async () => (await listed.getByRole('cell').allInnerTexts()).map((text) => text.trim()))
      .toEqual(['Discount coupons', 'Active', 'Always', '40', '0 (1 rolled back)', '0.00', expect.any(String)]);

    // Usable on a phone: nothing wider than the screen but the tables, which scroll.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await shot('08-phone');
    expect(await elementsPastScreenEdge(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  }, 120_000);
});
