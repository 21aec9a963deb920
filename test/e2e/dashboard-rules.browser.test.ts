import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsPastScreenEdge, hasChromium, signInToDashboard } from '../support/browser.js';
import { type DashboardInBrowser, openDashboardInBrowser } from '../support/dashboard-in-browser.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import type { TestServer } from '../support/test-server.js';

const SQLITE = TEST_DATABASES[0];
const MESSAGE = 'Orders must be over 100.00';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.runIf(hasChromium() && SQLITE)('the validation rules pages in Chromium', () => {
  let server: TestServer;
  let dashboard: DashboardInBrowser | undefined;
  let page: Page;
  let shot: DashboardInBrowser['shot'];

  beforeAll(async () => {
    dashboard = await openDashboardInBrowser(SQLITE!, {
      users: [{ email: 'rules@shop.example', password: 'rules of the game 2026', role: 'member' }],
      shotPrefix: 'rules-',
    });
    ({ server, page, shot } = dashboard);
  }, 120_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  /** Codes of a campaign, once its generation has made them all. */
  const campaignCodes = async (campaignId: string, count: number) => {
    let codes: string[] = [];
    await expect
      .poll(async () => {
        const list = loose(await server.sdk().vouchers.list({ campaign_id: campaignId, limit: 10 } as never));
        codes = list.vouchers.map((voucher: { code: string }) => voucher.code);
        return codes.length;
      })
      .toBe(count);
    return codes;
  };

  /** A dashboard page at a desktop size, signed in by the test before unless this one runs alone. */
  const openSignedIn = async (path: string) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/dashboard/`);
    const signIn = page.getByLabel('Email');
    await signIn.or(page.getByRole('heading', { level: 1, name: 'Campaigns' })).waitFor();
    if (await signIn.isVisible()) await signInToDashboard(page, 'rules@shop.example', 'rules of the game 2026');
    if (path !== '') await page.goto(`${server.url}/dashboard/${path}`);
  };

  /** axe's WCAG 2 A/AA violations on the page as it stands, one line per element. */
  const auditPage = async () => {
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const violations = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} }, resultTypes: ['violations'] }).then((r) => r.violations)`,
    )) as { id: string; nodes: { target: unknown }[] }[];
    return violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} at ${JSON.stringify(node.target)}`),
    );
  };

  const validate = async (code: string, amount: number) =>
    loose(await server.sdk().validations.validateVoucher(code, { order: { amount } } as never));

  it('builds a rule, tests it against carts, assigns it to a campaign whose codes it then guards', async () => {
    const campaign = loose(
      await server.sdk().campaigns.create({
        name: 'Big basket',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        vouchers_count: 3,
        voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
      } as never),
    );
    const [code] = await campaignCodes(campaign.id, 3);
    expect((await validate(code!, 5000)).valid).toBe(true);

    await page.goto(`${server.url}/dashboard/`);
    await signInToDashboard(page, 'rules@shop.example', 'rules of the game 2026');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Validation rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Validation rules' }).waitFor();
    await page.getByText('No validation rules yet').waitFor();

    // The builder: "order amount more than 100.00", with the condition's own message.
    await page.getByRole('link', { name: 'New validation rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'New validation rule' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Big orders only');
    await page.getByLabel('What to check').selectOption({ label: 'Order amount' });
    await page.getByLabel('Comparison').selectOption({ label: 'is more than' });
    await page.getByLabel('Value', { exact: true }).fill('100.00');
    await page.getByLabel('Error message (optional)', { exact: true }).fill(MESSAGE);
    // A logic naming a condition that is not there: the server refuses and says why.
    await page.getByLabel('Logic').fill('1 or 7');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/names rule "7", which is not defined/);
    await page.getByRole('button', { name: 'Require all conditions' }).click();
    expect(await page.getByLabel('Logic').inputValue()).toBe('1');
    await page.getByText('Rules object to be sent').click();
    await shot('01-builder');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Big orders only' }).waitFor();

    const [stored] = loose(await server.sdk().validationRules.list()).data;
    expect(stored.rules).toMatchObject({
      '1': { name: 'order.amount', conditions: { $more_than: [10000] }, error: { message: MESSAGE } },
      logic: '1',
    });
    await page.getByText('Order amount is more than 100.00').waitFor();

    // The cart test: 50.00 fails with the condition's message, 150.00 passes.
    await page.getByLabel('Order amount').fill('50.00');
    await page.getByRole('button', { name: 'Test the cart' }).click();
    const outcome = page.locator('.rule-check-status');
    await expect.poll(() => outcome.textContent()).toMatch(/Fails/);
    expect(await outcome.textContent()).toContain(`Condition 1 (Order amount): ${MESSAGE}`);
    expect(await outcome.textContent()).toContain('does not meet these conditions');
    // Each condition on its own, in words.
    expect(await outcome.textContent()).toContain('Condition 1 (Order amount): not met');
    await shot('02-cart-fails');
    await page.getByLabel('Order amount').fill('150.00');
    await page.getByRole('button', { name: 'Test the cart' }).click();
    await expect.poll(() => outcome.textContent()).toMatch(/Passes/);
    expect(await outcome.textContent()).toContain('Condition 1 (Order amount): met');

    // Assigned to the campaign made through the API.
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Big basket' });
    await page.getByRole('button', { name: 'Assign to campaign' }).click();
    await page.getByRole('status').filter({ hasText: 'Assigned to Big basket' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: 'Big basket' }).waitFor();
    await expect.poll(() => page.locator('.details').textContent()).toMatch(/1 object\(s\)/);
    await shot('03-rule');

    // The shop's validations now follow the rule.
    const refused = await validate(code!, 5000);
    expect(refused).toMatchObject({ valid: false, error: { key: 'order_rules_violated', message: MESSAGE } });
    expect((await validate(code!, 15000)).valid).toBe(true);

    // The list shows the summary and where the rule is assigned.
    await page.getByRole('link', { name: '← Validation rules' }).click();
    const row = page.getByRole('row', { name: /Big orders only/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Order amount is more than 100.00',
      '1',
      expect.stringMatching(/2\d{3}/),
    ]);
    await shot('04-list');

    // The editor opens with the rule as stored.
    await page.getByRole('link', { name: 'Big orders only' }).click();
    await page.getByRole('link', { name: 'Edit rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Big orders only' }).waitFor();
    expect(await page.getByLabel('Value', { exact: true }).inputValue()).toBe('100.00');
    expect(await page.getByLabel('Comparison').inputValue()).toBe('$more_than');

    // On a phone, nothing but the tables (and the shared main navigation, which is not this area's) reaches past the screen's edge.
    await page.setViewportSize({ width: 375, height: 800 });
    await shot('05-phone-builder');
    await page.getByRole('link', { name: '← Back to the rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Big orders only' }).waitFor();
    await page.getByRole('button', { name: 'Remove assignment to Big basket' }).waitFor();
    await shot('06-phone-rule');
    expect(await elementsPastScreenEdge(page)).toEqual([]);

    // Removing the assignment frees the codes again.
    await page.getByRole('button', { name: 'Remove assignment to Big basket' }).click();
    await page.getByText('Not assigned yet').waitFor();
    expect((await validate(code!, 5000)).valid).toBe(true);
  }, 120_000);

  it('builds an item rule with a condition on the matched lines, tests carts with it and edits it again', async () => {
    await openSignedIn('');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Validation rules' }).click();
    await page.getByRole('link', { name: 'New validation rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'New validation rule' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Two or more shirts');

    // Condition 1: a shirt in the cart. Only item rules offer conditions on their lines.
    const itemCondition = page.getByRole('group', { name: 'Condition 1', exact: true });
    const lineConditions = page.getByRole('group', { name: 'Conditions on the matched lines (optional)' });
    expect(await lineConditions.count()).toBe(0);
    await itemCondition.getByLabel('What to check').selectOption({ label: 'Any of these items in the cart' });
    await itemCondition.getByLabel('Values', { exact: true }).fill('shirt');
    await lineConditions.waitFor();
    expect(await page.getByLabel('Logic of the line conditions').count()).toBe(0);

    // Its line condition: the line's quantity more than 1. Adding one takes the focus to it.
    await lineConditions.getByRole('button', { name: 'Add line condition' }).click();
    const lineCondition = lineConditions.getByRole('group', { name: 'Line condition 1', exact: true });
    const lineRule = lineCondition.getByLabel('What to check');
    await expect.poll(() => lineRule.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    const offered = await lineRule.locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['Item quantity', 'Total amount of items', 'Product metadata']));
    expect(offered).not.toContain('Order amount');
    expect(offered).not.toContain('Any of these items in the cart');
    await lineRule.selectOption({ label: 'Item quantity' });
    await lineCondition.getByLabel('Comparison').selectOption({ label: 'is more than' });
    expect(await page.getByLabel('Logic of the line conditions').inputValue()).toBe('1');

    // A line condition without its value is named in the problems.
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Condition 1, line condition 1: enter a value.');
    await lineCondition.getByLabel('Value', { exact: true }).fill('1');

    await page.getByText('Rules object to be sent').click();
    const preview = JSON.parse((await page.locator('.rule-json pre').textContent()) ?? '');
    const nested = { '1': { name: 'order.items.quantity', conditions: { $more_than: [1] } }, logic: '1' };
    expect(preview).toEqual({
      '1': { name: 'order.items.any', conditions: { $is: [{ source_id: 'shirt', object: 'product' }] }, rules: nested },
      logic: '1',
    });
    await shot('07-line-conditions');
    expect(await auditPage()).toEqual([]);
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two or more shirts' }).waitFor();

    const { data } = loose(await server.sdk().validationRules.list());
    const stored = data.find((rule: { name: string }) => rule.name === 'Two or more shirts');
    expect(stored.rules).toMatchObject({ '1': { name: 'order.items.any', rules: nested }, logic: '1' });
    // The rule page says it in words, the line condition included.
    await page
      .getByText(/Any of these items in the cart .*shirt, on lines where Item quantity is more than 1/)
      .first()
      .waitFor();

    // The cart test: one shirt fails, two pass.
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Product source id').fill('shirt');
    await page.getByLabel('Quantity').fill('1');
    await page.getByLabel('Unit price').fill('20.00');
    await page.getByRole('button', { name: 'Test the cart' }).click();
    const outcome = page.locator('.rule-check-status');
    await expect.poll(() => outcome.textContent()).toMatch(/Fails/);
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Test the cart' }).click();
    await expect.poll(() => outcome.textContent()).toMatch(/Passes/);

    // The editor shows the line condition as stored; removing it leaves the item condition alone.
    await page.getByRole('link', { name: 'Edit rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Two or more shirts' }).waitFor();
    expect(await itemCondition.getByLabel('Values', { exact: true }).inputValue()).toBe('shirt');
    expect(await lineRule.inputValue()).toBe('order.items.quantity');
    expect(await lineCondition.getByLabel('Comparison').inputValue()).toBe('$more_than');
    expect(await lineCondition.getByLabel('Value', { exact: true }).inputValue()).toBe('1');
    expect(await page.getByLabel('Logic of the line conditions').inputValue()).toBe('1');
    // WCAG's reflow width: the line conditions inside their condition still fit.
    await page.setViewportSize({ width: 320, height: 800 });
    await shot('08-phone-line-conditions');
    expect(await elementsPastScreenEdge(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await lineConditions.getByRole('button', { name: 'Remove line condition 1' }).click();
    await expect
      .poll(() =>
        lineConditions
          .getByRole('button', { name: 'Add line condition' })
          .evaluate((button) => button === button.ownerDocument.activeElement),
      )
      .toBe(true);
    expect(await page.getByLabel('Logic of the line conditions').count()).toBe(0);
    await page.getByText('Rules object to be sent').click();
    expect(JSON.parse((await page.locator('.rule-json pre').textContent()) ?? '')['1']).not.toHaveProperty('rules');
  }, 120_000);

  it('keeps nested rules it cannot show as they are, and edits a logic of line conditions', async () => {
    // "sku.quantity" is an older name of the item quantity: the builder has no field for it.
    const legacy = { '1': { name: 'sku.quantity', conditions: { $more_than: [2] } }, logic: '1' };
    const rule = loose(
      await server.sdk().validationRules.create({
        name: 'Legacy shirts',
        rules: {
          '1': {
            name: 'order.items.any',
            conditions: { $is: [{ source_id: 'shirt', object: 'product' }] },
            rules: legacy,
          },
          logic: '1',
        },
      } as never),
    );
    await openSignedIn(`validation-rules/${rule.id}/edit`);
    const heading = page.getByRole('heading', { level: 1, name: 'Edit Legacy shirts' });
    await heading.waitFor();
    await page.getByText('nested rules the builder cannot show').waitFor();
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Legacy shirts' }).waitFor();
    expect(loose(await server.sdk().validationRules.get(rule.id)).rules['1'].rules).toMatchObject(legacy);

    // Replaced by two line conditions, either of which will do.
    await page.getByRole('link', { name: 'Edit rule' }).click();
    await heading.waitFor();
    await page.getByRole('button', { name: 'Replace them with line conditions' }).click();
    const lineConditions = page.getByRole('group', { name: 'Conditions on the matched lines (optional)' });
    await lineConditions.getByRole('button', { name: 'Add line condition' }).click();
    const first = lineConditions.getByRole('group', { name: 'Line condition 1', exact: true });
    await first.getByLabel('Value', { exact: true }).fill('2');
    await lineConditions.getByRole('button', { name: 'Add line condition' }).click();
    const second = lineConditions.getByRole('group', { name: 'Line condition 2', exact: true });
    await second.getByLabel('What to check').selectOption({ label: 'Item unit price' });
    await second.getByLabel('Comparison').selectOption({ label: 'is at least' });
    await second.getByLabel('Value', { exact: true }).fill('30.00');
    const logic = page.getByLabel('Logic of the line conditions');
    expect(await logic.inputValue()).toBe('1 and 2');
    await logic.fill('1 or 2');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Legacy shirts' }).waitFor();
    expect(loose(await server.sdk().validationRules.get(rule.id)).rules['1'].rules).toMatchObject({
      '1': { name: 'order.items.quantity', conditions: { $more_than: [2] } },
      '2': { name: 'order.items.price', conditions: { $more_than_or_equal: [3000] } },
      logic: '1 or 2',
    });
    await page.getByRole('link', { name: 'Edit rule' }).click();
    await heading.waitFor();
    expect(await page.getByLabel('Logic of the line conditions').inputValue()).toBe('1 or 2');
    await page.getByRole('button', { name: 'Require all line conditions' }).click();
    expect(await page.getByLabel('Logic of the line conditions').inputValue()).toBe('1 and 2');

    // Removing a condition keeps an own logic's meaning: later numbers move down; a logic that
    // named the removed one goes back to requiring all.
    const editor = page.getByRole('group', { name: 'Conditions on the matched lines (optional)' });
    await editor.getByRole('button', { name: 'Add line condition' }).click();
    await editor
      .getByRole('group', { name: 'Line condition 3', exact: true })
      .getByLabel('Value', { exact: true })
      .fill('1');
    await page.getByLabel('Logic of the line conditions').fill('1 or 3');
    await editor.getByRole('button', { name: 'Remove line condition 2' }).click();
    expect(await page.getByLabel('Logic of the line conditions').inputValue()).toBe('1 or 2');
    await editor.getByRole('button', { name: 'Remove line condition 1' }).click();
    expect(await page.getByLabel('Logic of the line conditions').inputValue()).toBe('1');
  }, 120_000);
});
