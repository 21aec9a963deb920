import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsPastScreenEdge, hasChromium, signInToDashboard } from '../support/browser.js';
import { type DashboardInBrowser, openDashboardInBrowser } from '../support/dashboard-in-browser.js';
import { TEST_DATABASES } from '../support/databases.js';
import type { TestServer } from '../support/test-server.js';

const SQLITE = TEST_DATABASES[0];

interface Seeded {
  customerId: string;
  productId: string;
  orderId: string;
  redemptionId: string;
}

/** A customer, a product with a SKU, a voucher and a redemption of it with an order, all through the SDK. */
async function seedCatalog(server: TestServer): Promise<Seeded> {
  const sdk = server.sdk();
  const customer = (await sdk.customers.create({
    source_id: 'cust-ada',
    name: 'Ada Lovelace',
    email: 'ada@shop.example',
    metadata: { tier: 'gold' },
  } as never)) as { id: string };
  const product = (await sdk.products.create({
    source_id: 'prod-teapot',
    name: 'Copper teapot',
    price: 4500,
    attributes: ['size'],
    metadata: { material: 'copper' },
  } as never)) as { id: string };
  const sku = (await sdk.products.createSku(product.id, {
    source_id: 'sku-teapot-large',
    sku: 'Large teapot',
    price: 5500,
    attributes: { size: 'large' },
  } as never)) as { id: string };
  await sdk.segments.create({
    name: 'Gold customers',
    type: 'auto-update',
    filter: { junction: 'and', 'metadata.tier': { conditions: { $is: ['gold'] } } },
  } as never);
  await sdk.vouchers.create({
    code: 'TEA-10',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
  } as never);
  const redemption = (await sdk.redemptions.redeem('TEA-10', {
    customer: { source_id: 'cust-ada' },
    order: {
      source_id: 'order-1001',
      items: [{ product_id: product.id, sku_id: sku.id, quantity: 2 }],
    },
  } as never)) as { id: string; order: { id: string; total_amount: number } };
  expect(redemption.order.total_amount).toBe(10000);
  return { customerId: customer.id, productId: product.id, orderId: redemption.order.id, redemptionId: redemption.id };
}

describe.runIf(hasChromium() && SQLITE)('the dashboard catalog in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let dashboard: DashboardInBrowser | undefined;
  let page: Page;
  let seeded: Seeded;
  let shot: DashboardInBrowser['shot'];

  beforeAll(async () => {
    dashboard = await openDashboardInBrowser(SQLITE!, {
      users: [{ email: 'marketer@shop.example', password: 'spring sale 2026', role: 'member' }],
      shotPrefix: 'catalog-',
    });
    ({ server, browser, page, shot } = dashboard);
    seeded = await seedCatalog(server);
  }, 120_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it('finds a customer, shows their redemption and order, and lists and shows products', async () => {
    await page.goto(`${server.url}/dashboard/`);
    await signInToDashboard(page, 'marketer@shop.example', 'spring sale 2026');

    // Customers: search by email, then open the customer.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    const search = page.getByRole('search', { name: 'Search customers' });
    // Exact: the search box's label names emails too.
    await search.getByLabel('Email', { exact: true }).fill('ada@shop.example');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toContain('email=ada%40shop.example');
    const customerLink = page.getByRole('table').getByRole('link', { name: 'Ada Lovelace' });
    await customerLink.waitFor();
    await shot('01-customers');
    await customerLink.click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    expect(page.url()).toContain(`/dashboard/customers/${seeded.customerId}`);

    // Their redemption, with the order it applied to.
    const redemptions = page.getByRole('region', { name: 'Redemptions' });
    const redemptionLink = redemptions.getByRole('link', { name: new RegExp(`redemption ${seeded.redemptionId}`) });
    await redemptionLink.waitFor();
    expect(await redemptions.getByRole('link', { name: 'TEA-10' }).count()).toBe(1);
    await page
      .getByRole('region', { name: 'Activity' })
      .getByText(/Redemption succeeded/i)
      .first()
      .waitFor();
    await shot('02-customer');

    // The order: its line and its amounts.
    await redemptions.getByRole('link', { name: 'order-1001' }).click();
    await page.getByRole('heading', { level: 1, name: 'Order order-1001' }).waitFor();
    const items = page.getByRole('region', { name: 'Items' }).getByRole('row');
    await expect.poll(() => items.count()).toBe(2);
    const line = await items.nth(1).textContent();
    expect(line).toContain('Copper teapot');
    expect(line).toContain('Large teapot');
    expect(line).toContain('110.00');
    const details = await page.getByRole('region', { name: 'Details' }).textContent();
    expect(details).toMatch(/Total\s*100\.00/);
    expect(details).toMatch(/Discount\s*10\.00/);
    await page
      .getByRole('region', { name: 'Redemptions' })
      .getByRole('link', { name: new RegExp(`redemption ${seeded.redemptionId}`) })
      .waitFor();
    await shot('03-order');

    // Products: the list, then the product with its SKU.
    await nav.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    const productLink = page.getByRole('table').getByRole('link', { name: 'Copper teapot' });
    await productLink.waitFor();
    await shot('04-products');
    await productLink.click();
    await page.getByRole('heading', { level: 1, name: 'Copper teapot' }).waitFor();
    expect(page.url()).toContain(`/dashboard/products/${seeded.productId}`);
    expect(await page.getByRole('region', { name: 'Details' }).textContent()).toMatch(/Price\s*45\.00/);
    const skuRow = page.getByRole('region', { name: 'SKUs' }).getByRole('row', { name: /Large teapot/ });
    await skuRow.waitFor();
    expect(await skuRow.textContent()).toContain('55.00');
    await shot('05-product');

    // The lookup box opens a customer by the shop's own id.
    await nav.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Customer id or source_id').fill('cust-ada');
    await page.getByRole('button', { name: 'Open customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();

    // The customer's segment, with the filter that put them in it.
    await page.getByRole('region', { name: 'Segments' }).getByRole('link', { name: 'Gold customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gold customers' }).waitFor();
    expect(await page.getByRole('region', { name: 'Filter' }).textContent()).toContain('metadata.tier');

    // The voucher list links to the core voucher page.
    await nav.getByRole('link', { name: 'Vouchers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vouchers' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: 'TEA-10' }).waitFor();
    await shot('05-vouchers');
    await page.getByRole('table').getByRole('link', { name: 'TEA-10' }).click();
    await page.getByRole('heading', { level: 1, name: 'Code TEA-10' }).waitFor();

    // Usable on a phone: nothing wider than the screen but the tables, which scroll. The main navigation is
    // the layout's, not these pages', so it is left out here.
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [name, section, heading] of [
      ['customer', '/customers/cust-ada', 'Ada Lovelace'],
      ['order', `/orders/${seeded.orderId}`, 'Order order-1001'],
      ['segments', '/segments', 'Segments'],
    ] as const) {
      await page.goto(`${server.url}/dashboard${section}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByText('Loading…').first().waitFor({ state: 'detached' });
      expect(await elementsPastScreenEdge(page)).toEqual([]);
      await shot(`06-phone-${name}`);
    }
  }, 120_000);

  it('searches every catalog list by part of a name or id, whatever the case, and keeps it in the address', async () => {
    const sdk = server.sdk();
    await sdk.customers.create({ source_id: 'cust-grace', name: 'Grace Hopper' } as never);
    await sdk.products.create({ source_id: 'prod-kettle', name: 'Brass kettle', price: 3000 } as never);
    await sdk.orders.create({ source_id: 'order-2002', amount: 3000 } as never);
    await sdk.segments.create({ name: 'Newsletter readers', type: 'static', customers: ['cust-grace'] } as never);

    const searcher = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await searcher.goto(`${server.url}/dashboard/`);
    await signInToDashboard(searcher, 'marketer@shop.example', 'spring sale 2026');
    /** What names the rows of the list shown: each row's header cell. */
    const rowNames = () => searcher.getByRole('table').getByRole('rowheader').allInnerTexts();

    for (const list of [
      {
        path: '/customers',
        form: 'Search customers',
        field: 'Search customers by name, email or id',
        typed: 'LOVELACE',
        found: 'Ada Lovelace',
        other: 'Grace Hopper',
      },
      {
        path: '/products',
        form: 'Search products',
        field: 'Search products by name or id',
        typed: 'TeaPot',
        found: 'Copper teapot',
        other: 'Brass kettle',
      },
      {
        path: '/orders',
        form: 'Search orders',
        field: 'Search orders by id or customer',
        typed: 'ORDER-10',
        found: 'order-1001',
        other: 'order-2002',
      },
      {
        path: '/segments',
        form: 'Search segments',
        field: 'Search segments by name or id',
        typed: 'gOLD',
        found: 'Gold customers',
        other: 'Newsletter readers',
      },
    ]) {
      await searcher.goto(`${server.url}/dashboard${list.path}`);
      await expect.poll(() => rowNames()).toEqual(expect.arrayContaining([list.found, list.other]));
      const form = searcher.getByRole('search', { name: list.form });
      await form.getByLabel(list.field).fill(list.typed);
      await form.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => searcher.url()).toContain(`search=${encodeURIComponent(list.typed)}`);
      await expect.poll(() => rowNames()).toEqual([list.found]);

      // The address holds the search: opened again, the page searches again and shows what it searched.
      await searcher.reload();
      await expect.poll(() => rowNames()).toEqual([list.found]);
      expect(await form.getByLabel(list.field).inputValue()).toBe(list.typed);

      await form.getByRole('link', { name: 'Clear' }).click();
      await expect.poll(() => searcher.url()).not.toContain('search=');
      await expect.poll(() => rowNames()).toEqual(expect.arrayContaining([list.found, list.other]));
      expect(await form.getByLabel(list.field).inputValue()).toBe('');
    }
    await searcher.close();
  }, 120_000);

  it('searches the redemptions by part of a code, whatever the case, keeping the code filter of the address', async () => {
    const searcher = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await searcher.goto(`${server.url}/dashboard/`);
    await signInToDashboard(searcher, 'marketer@shop.example', 'spring sale 2026');
    await searcher.goto(`${server.url}/dashboard/redemptions?voucher=TEA-10`);
    const form = searcher.getByRole('search', { name: 'Search redemptions' });
    const box = form.getByLabel('Search redemptions by code, customer or id');
    const rows = searcher
      .getByRole('table')
      .getByRole('link', { name: new RegExp(`redemption ${seeded.redemptionId}`) });
    for (const [typed, found] of [
      ['ea-1', 1],
      ['coffee', 0],
    ] as const) {
      await box.fill(typed);
      await form.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => searcher.url()).toContain(`search=${typed}&voucher=TEA-10`);
      await expect.poll(() => rows.count()).toBe(found);
    }
    await searcher.getByText('No redemptions match.').waitFor();
    await searcher.close();
  }, 120_000);
});
