import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsPastScreenEdge, hasChromium, signInToDashboard } from '../support/browser.js';
import { type DashboardInBrowser, openDashboardInBrowser } from '../support/dashboard-in-browser.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import type { TestServer } from '../support/test-server.js';

const SQLITE = TEST_DATABASES[0];

describe.runIf(hasChromium() && SQLITE)('campaign types and campaign management in the dashboard', () => {
  let server: TestServer;
  let dashboard: DashboardInBrowser | undefined;
  let page: Page;
  let shot: DashboardInBrowser['shot'];
  let ruleId = '';

  const openNewCampaign = async (type: string) => {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page.getByRole('link', { name: 'New campaign', exact: true }).click();
    await page.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
  };

  const campaignIdFromUrl = () => decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

  beforeAll(async () => {
    dashboard = await openDashboardInBrowser(SQLITE!, {
      users: [{ email: 'campaigns@shop.example', password: 'autumn sale 2026', role: 'member' }],
      shotPrefix: 'campaigns-',
      // Not UTC, so the edit form's times are seen to be on the project's clock.
      projectSettings: { timezone: 'Europe/Warsaw' },
    });
    ({ server, page, shot } = dashboard);
    await page.goto(`${server.url}/dashboard/`);
    await signInToDashboard(page, 'campaigns@shop.example', 'autumn sale 2026');
    const rule = loose(
      await server.sdk().validationRules.create({
        name: 'Orders of 50.00 or more',
        rules: { '1': { name: 'order.amount', conditions: { $more_than_equal: [5000] } }, logic: '1' },
      } as never),
    );
    ruleId = rule.id;
  }, 120_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it('creates a promotion with one tier that applies to a cart its rule accepts', async () => {
    await openNewCampaign('Promotion');
    await page.getByLabel('Name', { exact: true }).fill('Ten percent off');
    await page.getByLabel('Tier name').fill('Everyone');
    await page.getByLabel('Banner').fill('10% off everything');
    await page.getByLabel('Percent off').fill('10');
    await page.getByLabel('Validation rule (optional)').selectOption({ label: 'Orders of 50.00 or more' });
    await expect
      .poll(() => page.getByRole('region', { name: 'Discount preview' }).innerText())
      .toContain('On a sample cart of 100.00 this gives 10.00 off');
    await shot('01-new-promotion');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ten percent off' }).waitFor();
    const tiers = page.getByRole('table', { name: /Tiers of this promotion/ });
    await tiers.getByRole('rowheader', { name: 'Everyone' }).waitFor();
    expect(await tiers.innerText()).toContain('10% off');
    await shot('02-promotion');

    const validation = loose(await server.sdk().promotions.validate({ order: { amount: 10000 } } as never));
    const applied = (validation.promotions as Loose[]).map((p) => [p.name, p.discount_amount]);
    expect(applied).toEqual([['Everyone', 1000]]);
    // The tier's rule keeps it off a smaller cart.
    const small = loose(await server.sdk().promotions.validate({ order: { amount: 3000 } } as never));
    expect(small.promotions ?? []).toEqual([]);
  }, 60_000);

  it('offers free shipping as a tier discount', async () => {
    await openNewCampaign('Promotion');
    await page.getByLabel('Name', { exact: true }).fill('Ships free');
    await page.getByLabel('Tier name').fill('Free delivery');
    await page.getByLabel('Banner').fill('Shipping is on us');
    await page.getByLabel('Free shipping').check();
    await expect(page.getByLabel('Shipping product id').inputValue()).resolves.toBe('prod_5h1pp1ng');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ships free' }).waitFor();
    const row = page.getByRole('row', { name: /Free delivery/ });
    await expect.poll(() => row.innerText()).toContain('Free shipping');
    const tiers = loose(await server.sdk().promotions.tiers.list(campaignIdFromUrl()));
    expect(tiers.tiers[0].action.discount).toMatchObject({
      type: 'UNIT',
      unit_off: 1,
      unit_type: 'prod_5h1pp1ng',
      effect: 'ADD_MISSING_ITEMS',
    });
  }, 60_000);

  it('creates three gift cards of 50.00 whose balance the API reports', async () => {
    await openNewCampaign('Gift cards');
    await page.getByLabel('Name', { exact: true }).fill('Holiday cards');
    await page.getByLabel('Code pattern').fill('GIFT-####');
    await page.getByLabel('Number of cards').fill('3');
    await page.getByLabel('Amount on each card').fill('50.00');
    await page.getByLabel('Validation rule (optional)').selectOption({ label: 'Orders of 50.00 or more' });
    await expect.poll(() => page.getByRole('region', { name: 'Credit preview' }).innerText()).toContain('150.00');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Holiday cards' }).waitFor();
    const codes = page.getByRole('table', { name: 'Codes of this campaign' }).getByRole('link', { name: /^GIFT-/ });
    await expect.poll(() => codes.count(), { timeout: 20_000 }).toBe(3);
    expect(await page.locator('.details').innerText()).toContain('50.00');
    await shot('03-gift-cards');
    const code = (await codes.first().innerText()).trim();
    const card = loose(await server.sdk().vouchers.get(code));
    expect(card.gift).toMatchObject({ amount: 5000, balance: 5000 });
    const assigned = loose(await server.sdk().campaigns.get(campaignIdFromUrl()));
    expect(assigned.validation_rules_assignments.data.map((assignment: Loose) => assignment.rule_id)).toEqual([ruleId]);
  }, 60_000);

  it('imports codes from a CSV file, edits the campaign, then deletes it', async () => {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'New coupon campaign' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Imported codes');
    await page.getByLabel('Code pattern').fill('GEN-####');
    await page.getByLabel('Number of codes').fill('1');
    await page.getByLabel('Amount discount').check();
    await page.getByLabel('Amount off', { exact: true }).fill('5.00');
    await page.getByLabel('Validation rule (optional)').selectOption({ label: 'Orders of 50.00 or more' });
    await expect
      .poll(() => page.getByRole('region', { name: 'Discount preview' }).innerText())
      .toContain('this gives 5.00 off');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imported codes' }).waitFor();
    const id = campaignIdFromUrl();
    const assigned = loose(await server.sdk().campaigns.get(id)).validation_rules_assignments;
    expect(assigned.data.map((assignment: Loose) => assignment.rule_id)).toEqual([ruleId]);
    const table = page.getByRole('table', { name: 'Codes of this campaign' });
    await expect.poll(() => table.getByRole('link').count(), { timeout: 20_000 }).toBe(1);

    await page.getByLabel('Number of codes to add').fill('2');
    await page.getByRole('button', { name: 'Add codes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /generated/ })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => table.getByRole('link', { name: /^GEN-/ }).count()).toBe(3);

    await page.getByLabel('CSV file of codes').setInputFiles({
      name: 'codes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Code\nCSV-FIRST\nCSV-SECOND\n'),
    });
    await page.getByRole('button', { name: 'Import codes from CSV' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /imported/i })
      .waitFor({ timeout: 20_000 });
    await table.getByRole('link', { name: 'CSV-FIRST' }).waitFor();
    await table.getByRole('link', { name: 'CSV-SECOND' }).waitFor();
    await shot('04-imported');

    // A start to the second, set through the API: the form shows minutes, and must not round it away.
    await server.sdk().campaigns.update(id, { start_date: '2026-03-01T15:30:45.000Z' } as never);
    await page.reload();
    await page.getByRole('button', { name: 'Disable campaign' }).click();
    await page.getByRole('button', { name: 'Enable campaign' }).waitFor();
    expect(loose(await server.sdk().campaigns.get(id)).active).toBe(false);
    await page.getByRole('button', { name: 'Edit campaign' }).click();
    // 15:30:45 UTC is 16:30 on the project's clock (Warsaw, UTC+1 in March).
    expect(await page.getByLabel('Starts at (Europe/Warsaw)').inputValue()).toBe('2026-03-01T16:30');
    await page.getByLabel('Description').fill('Codes printed on the autumn flyer');
    await page.getByLabel('Expires at (Europe/Warsaw)').fill('2030-12-31T22:00');
    // The discount of every code, shown as it is; uses per code refused below 1, with the field marked.
    const editForm = page.getByRole('region', { name: 'Edit campaign' });
    expect(await editForm.getByLabel('Amount off').inputValue()).toBe('5.00');
    await editForm.getByLabel('Amount off').fill('7.50');
    await editForm.getByLabel('Uses per code').fill('0');
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await editForm.getByRole('link', { name: /^Uses per code must be a whole number/ }).waitFor();
    expect(await editForm.getByLabel('Uses per code').getAttribute('aria-invalid')).toBe('true');
    await editForm.getByLabel('Uses per code').fill('3');
    await shot('05-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Changes saved/ })
      .waitFor();
    const edited = loose(await server.sdk().campaigns.get(id));
    expect(edited.description).toBe('Codes printed on the autumn flyer');
    expect(String(edited.expiration_date)).toMatch(/^2030-12-31T21:00:00/);
    // Only what was edited is sent: the start keeps its seconds, the campaign stays disabled.
    expect(String(edited.start_date)).toMatch(/^2026-03-01T15:30:45/);
    expect(edited.active).toBe(false);
    expect(edited.voucher).toMatchObject({
      discount: { type: 'AMOUNT', amount_off: 750 },
      redemption: { quantity: 3 },
    });
    const firstCode = loose(await server.sdk().vouchers.list({ campaign_id: id } as never)).vouchers[0];
    expect(firstCode).toMatchObject({ discount: { amount_off: 750 }, redemption: { quantity: 3 } });
    await page.getByRole('button', { name: 'Enable campaign' }).click();
    await page.getByRole('button', { name: 'Disable campaign' }).waitFor();
    expect(loose(await server.sdk().campaigns.get(id)).active).toBe(true);
    // A campaign keeps its name (Voucherify's update has none): the form does not offer it.
    expect(await page.getByLabel('Campaign name').count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: String(edited.name) }).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await shot('06-phone');
    expect(await elementsPastScreenEdge(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Delete campaign' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('link', { name: String(edited.name) }).count()).toBe(0);
    await expect(server.sdk().campaigns.get(id)).rejects.toThrow();
  }, 90_000);

  it('creates a referral program whose referrers earn gift card credit', async () => {
    await openNewCampaign('Referral program');
    await page.getByLabel('Name', { exact: true }).fill('Friends bring friends');
    await page.getByLabel('Code pattern').fill('FRIEND-#####');
    await page.getByLabel('Percent off').fill('15');
    await page.getByLabel('Reward from campaign').selectOption({ label: 'Holiday cards (Gift vouchers)' });
    await page.getByLabel('Credit per referral').fill('5.00');
    await shot('08-new-referral');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Friends bring friends' }).waitFor();
    const campaign = loose(await server.sdk().campaigns.get(campaignIdFromUrl()));
    expect(campaign.campaign_type).toBe('REFERRAL_PROGRAM');
    expect(campaign.voucher.discount).toMatchObject({ type: 'PERCENT', percent_off: 15 });
    expect(campaign.referral_program).toMatchObject({
      conversion_event_type: 'redemption',
      referrer_reward: { type: 'GIFT_VOUCHER', amount: 500 },
    });
  }, 60_000);

  it('creates a referral program that also gives the referee gift card credit', async () => {
    const welcome = loose(
      await server.sdk().campaigns.create({
        name: 'Welcome credit',
        campaign_type: 'GIFT_VOUCHERS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'GIFT_VOUCHER', gift: { amount: 1000 } },
      } as never),
    );
    await openNewCampaign('Referral program');
    await page.getByLabel('Name', { exact: true }).fill('Friends get credit too');
    await page.getByLabel('Code pattern').fill('PAL-#####');
    await page.getByLabel('Percent off').fill('10');
    // Coupon campaigns may reward a referrer, not a referee: the referee's select lists gift campaigns only.
    const refereeCampaign = page.getByLabel("Referee's gift card campaign");
    const offered = await refereeCampaign.locator('option').allInnerTexts();
    expect(offered).toContain('Welcome credit');
    expect(offered).not.toContain('Imported codes');
    await refereeCampaign.selectOption({ label: 'Welcome credit' });
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('alert').filter({ hasText: 'Credit for the referee must be a positive amount' }).waitFor();
    await page.getByLabel('Credit for the referee').fill('2.50');
    await shot('09-referee-reward');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Friends get credit too' }).waitFor();

    const campaign = loose(await server.sdk().campaigns.get(campaignIdFromUrl()));
    expect(campaign.referral_program.referee_reward).toEqual({
      type: 'GIFT_VOUCHER',
      related_object_parent: { id: welcome.id, name: 'Welcome credit', object: 'CAMPAIGN' },
      amount: 250,
    });
    expect(campaign.referral_program.referrer_reward).toBeUndefined();
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.innerText()).toMatch(/Referee's reward\s+2\.50 credit on a card of Welcome credit/);
    expect(await details.innerText()).toMatch(/Referrer's reward\s+None/);
    await details.getByRole('link', { name: 'Welcome credit' }).waitFor();
  }, 60_000);

  it("exports a campaign's codes as a CSV file the browser downloads", async () => {
    const created = loose(
      await server.sdk().campaigns.create({
        name: 'Spring flyer',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        vouchers_count: 3,
        voucher: {
          type: 'DISCOUNT_VOUCHER',
          discount: { type: 'PERCENT', percent_off: 20 },
          code_config: { pattern: 'SPR-####' },
        },
      } as never),
    );
    const listCodes = async () =>
      (
        loose(await server.sdk().vouchers.list({ campaign_id: created.id, limit: 100 } as never)).vouchers as Loose[]
      ).map((voucher) => String(voucher.code));
    await expect.poll(async () => (await listCodes()).length, { timeout: 20_000 }).toBe(3);
    const codes = await listCodes();

    await page.goto(`${server.url}/dashboard/campaigns/${encodeURIComponent(created.id)}`);
    await page.getByRole('heading', { level: 1, name: 'Spring flyer' }).waitFor();
    await page.getByRole('button', { name: 'Export codes (CSV)' }).click();
    await page.getByRole('status').filter({ hasText: 'The export is ready: 3 codes.' }).waitFor({ timeout: 20_000 });
    const link = page.getByRole('link', { name: /^Download spring-flyer-codes-\d{4}-\d{2}-\d{2}\.csv$/ });
    // Focus goes to the new link: the button was disabled while the file was made.
    await expect.poll(() => link.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await shot('10-export');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^spring-flyer-codes-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]?.split(',')).toEqual([
      'code',
      'voucher_type',
      'value',
      'discount_type',
      'active',
      'redemption_quantity',
      'redemption_count',
      'start_date',
      'expiration_date',
      'created_at',
    ]);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((row) => row[0]).sort()).toEqual([...codes].sort());
    expect(rows.every((row) => row[1] === 'DISCOUNT_VOUCHER' && row[2] === '20' && row[3] === 'PERCENT')).toBe(true);

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await elementsPastScreenEdge(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('opens a new coupon campaign whose rule could not be assigned, saying so', async () => {
    const doomed = loose(
      await server.sdk().validationRules.create({
        name: 'Deleted while chosen',
        rules: { '1': { name: 'order.amount', conditions: { $more_than: [100] } }, logic: '1' },
      } as never),
    );
    await openNewCampaign('Discount coupons');
    await page.getByLabel('Name', { exact: true }).fill('Half made');
    await page.getByLabel('Code pattern').fill('HALF-####');
    await page.getByLabel('Number of codes').fill('2');
    await page.getByLabel('Percent off').fill('5');
    await page.getByLabel('Validation rule (optional)').selectOption({ label: 'Deleted while chosen' });
    await server.sdk().validationRules.delete(doomed.id);
    await page.getByRole('button', { name: 'Create campaign' }).click();

    // The campaign exists, so its page opens (a second submit would only hit its taken name).
    await page.getByRole('heading', { level: 1, name: 'Half made' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /was created, but its validation rule was not assigned/ })
      .waitFor();
  }, 60_000);

  it("shows a progress bar while a large campaign's codes are generated, then its codes", async () => {
    await openNewCampaign('Discount coupons');
    await page.getByLabel('Name', { exact: true }).fill('Big flyer drop');
    await page.getByLabel('Code pattern').fill('BIG-######');
    await page.getByLabel('Number of codes').fill('20000');
    await page.getByLabel('Percent off').fill('5');
    // The server's worker generates the codes; held until the page shows the bar, so no machine is
    // too fast for the page to see generation under way.
    await server.worker.stop();
    try {
      await page.getByRole('button', { name: 'Create campaign' }).click();
      await page.getByRole('heading', { level: 1, name: 'Big flyer drop' }).waitFor();
      await page.getByRole('progressbar', { name: /^Generating codes/ }).waitFor();
      await shot('09-generating');
    } finally {
      server.worker.start();
    }
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 60_000 });
    const codes = page.getByRole('table').getByRole('link', { name: /^BIG-/ });
    await expect.poll(() => codes.count()).toBe(20);
    expect(loose(await server.sdk().campaigns.get(campaignIdFromUrl())).vouchers_count).toBe(20000);
  }, 90_000);

  it('fits the new-campaign forms on a phone', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const type of ['Discount coupons', 'Promotion', 'Gift cards', 'Referral program']) {
      await openNewCampaign(type);
      await page.getByRole('button', { name: 'Create campaign' }).waitFor();
      expect(await elementsPastScreenEdge(page), type).toEqual([]);
    }
    await shot('07-referral-phone');
  }, 60_000);
});
