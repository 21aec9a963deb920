import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

describe.each(TEST_DATABASES)('orders through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('creates an order priced against the catalog, creating the customer and unknown products', async () => {
    const sdk = server.sdk();
    const shirt = loose(await sdk.products.create({ source_id: 'shirt', name: 'Shirt', price: 2900 }));
    const mug = loose(await sdk.products.create({ source_id: 'mug', name: 'Mug', price: 1500, attributes: ['color'] }));
    await sdk.products.createSku(mug.id, {
      source_id: 'mug-red',
      sku: 'Red mug',
      price: 1700,
      attributes: { color: 'red' },
    });

    const order = loose(
      await sdk.orders.create({
        source_id: 'order-1',
        status: 'PAID',
        customer: { source_id: 'buyer@example.com', name: 'Buyer' },
        referrer: { source_id: 'friend@example.com' },
        items: [
          { product_id: shirt.id, quantity: 2 },
          { source_id: 'mug-red', related_object: 'sku', quantity: 1 },
          {
            source_id: 'poster',
            related_object: 'product',
            quantity: 3,
            price: 1000,
            product: { name: 'Poster', metadata: { size: 'A2' } },
          },
        ],
        metadata: { channel: 'web' },
      } as never),
    );
    expectConformsToSpec('post', '/v1/orders', 200, order);
    expect(order).toMatchObject({
      object: 'order',
      source_id: 'order-1',
      status: 'PAID',
      amount: 2 * 2900 + 1700 + 3 * 1000,
      total_amount: 2 * 2900 + 1700 + 3 * 1000,
      metadata: { channel: 'web' },
      customer: { object: 'customer' },
      referrer: { object: 'customer' },
    });
    expect(order.id).toMatch(/^ord_/);
    expect(order.items[0]).toMatchObject({
      object: 'order_item',
      product_id: shirt.id,
      price: 2900,
      amount: 5800,
      subtotal_amount: 5800,
      product: { id: shirt.id, name: 'Shirt' },
    });
    expect(order.items[1]).toMatchObject({
      related_object: 'sku',
      product_id: mug.id,
      source_id: 'mug-red',
      price: 1700,
      sku: { source_id: 'mug-red', sku: 'Red mug' },
    });
    expect(order.items[2]).toMatchObject({
      related_object: 'product',
      source_id: 'poster',
      amount: 3000,
      product: { source_id: 'poster', name: 'Poster' },
    });

    const poster = loose(await sdk.products.get('poster'));
    expect(poster).toMatchObject({ name: 'Poster', metadata: { size: 'A2' } });
    const buyer = loose(await sdk.customers.get('buyer@example.com'));
    expect(buyer).toMatchObject({
      name: 'Buyer',
      summary: { orders: { total_count: 1, total_amount: order.total_amount } },
    });
    expect(order.customer_id).toBe(buyer.id);
  });

  it('updates catalog products from an order line only with override', async () => {
    const sdk = server.sdk();
    await sdk.products.create({ source_id: 'lamp', name: 'Lamp', price: 5000 });
    await sdk.orders.create({
      items: [{ source_id: 'lamp', related_object: 'product', quantity: 1, product: { name: 'Ignored' } }],
    });
    expect(loose(await sdk.products.get('lamp')).name).toBe('Lamp');
    await sdk.orders.create({
      items: [
        {
          source_id: 'lamp',
          related_object: 'product',
          quantity: 1,
          product: { name: 'Desk lamp', price: 5500, override: true },
        },
      ],
    });
    expect(loose(await sdk.products.get('lamp'))).toMatchObject({ name: 'Desk lamp', price: 5500 });
  });

  it('creates a SKU the catalog lacks only under a known product, and overrides SKUs', async () => {
    const sdk = server.sdk();
    const orphan = loose(
      await sdk.orders.create({
        items: [{ source_id: 'orphan-sku', related_object: 'sku', quantity: 2, price: 100 }],
      } as never),
    );
    expect(orphan.items[0]).toMatchObject({ source_id: 'orphan-sku', related_object: 'sku', amount: 200 });
    expect(orphan.items[0].sku_id).toBeUndefined();
    await expect(sdk.products.getSku('orphan-sku')).rejects.toMatchObject({ code: 404 });

    const created = loose(
      await sdk.orders.create({
        items: [
          {
            quantity: 2,
            product: { source_id: 'kettle', name: 'Kettle', price: 4000 },
            sku: { source_id: 'kettle-steel', sku: 'Steel kettle', price: 4500 },
          },
        ],
      } as never),
    );
    expectConformsToSpec('post', '/v1/orders', 200, created);
    const kettle = loose(await sdk.products.get('kettle'));
    expect(created.items[0]).toMatchObject({
      related_object: 'sku',
      product_id: kettle.id,
      price: 4500,
      amount: 9000,
      sku: { source_id: 'kettle-steel', sku: 'Steel kettle', price: 4500 },
    });

    await sdk.orders.create({
      items: [{ sku_id: 'kettle-steel', quantity: 1, sku: { sku: 'Ignored', price: 1 } }],
    } as never);
    expect(loose(await sdk.products.getSku('kettle-steel'))).toMatchObject({ sku: 'Steel kettle', price: 4500 });
    const overridden = loose(
      await sdk.orders.create({
        items: [{ sku_id: 'kettle-steel', quantity: 1, sku: { sku: 'Brushed kettle', price: 4700, override: true } }],
      } as never),
    );
    expect(overridden).toMatchObject({ amount: 4700 });
    expect(loose(await sdk.products.getSku('kettle-steel'))).toMatchObject({ sku: 'Brushed kettle', price: 4700 });
  });

  it("counts only paid and fulfilled orders in the customer's summary", async () => {
    const sdk = server.sdk();
    const customer = { source_id: 'summary-customer' };
    await sdk.orders.create({ source_id: 'sum-created', customer, amount: 1000 });
    await sdk.orders.create({ source_id: 'sum-canceled', customer, amount: 2000, status: 'CANCELED' });
    await sdk.orders.create({
      source_id: 'sum-paid',
      customer,
      amount: 3000,
      discount_amount: 500,
      status: 'PAID',
      created_at: '2024-01-01T00:00:00.000Z',
    } as never);
    await sdk.orders.create({
      source_id: 'sum-fulfilled',
      customer,
      amount: 4000,
      status: 'FULFILLED',
      created_at: '2024-02-01T00:00:00.000Z',
    } as never);
    const summary = () => sdk.customers.get('summary-customer').then((c) => loose(c).summary.orders);
    expect(await summary()).toMatchObject({
      total_count: 2,
      total_amount: 2500 + 4000,
      last_order_amount: 4000,
      last_order_date: '2024-02-01T00:00:00.000Z',
    });
    await sdk.orders.update({ source_id: 'sum-created', status: 'PAID' } as never);
    expect(await summary()).toMatchObject({ total_count: 3, total_amount: 1000 + 2500 + 4000 });
    await sdk.orders.update({ source_id: 'sum-fulfilled', status: 'CANCELED' } as never);
    expect(await summary()).toMatchObject({ total_count: 2, total_amount: 1000 + 2500 });
  });

  it('creates one order, one customer and one product from parallel upserts of new source_ids', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sdk.orders.create({
          source_id: 'parallel-order',
          customer: { source_id: 'parallel-customer' },
          items: [{ source_id: 'parallel-product', related_object: 'product', quantity: i + 1, price: 100 }],
        } as never),
      ),
    );
    expect(new Set(results.map((order) => order.id)).size).toBe(1);
    expect(loose(await sdk.orders.list({})).total).toBe(1);
    expect(loose(await sdk.customers.list({})).total).toBe(1);
    expect(loose(await sdk.products.list({})).total).toBe(1);
  });

  it('upserts by source_id, updates by id or source_id, and recomputes amounts', async () => {
    const sdk = server.sdk();
    const first = loose(await sdk.orders.create({ source_id: 'order-2', amount: 10000 }));
    expect(first).toMatchObject({ status: 'CREATED', amount: 10000, total_amount: 10000 });
    const again = loose(await sdk.orders.create({ source_id: 'order-2', status: 'PAID', discount_amount: 1500 }));
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({
      status: 'PAID',
      amount: 10000,
      discount_amount: 1500,
      total_discount_amount: 1500,
      total_amount: 8500,
    });

    const updated = loose(
      await sdk.orders.update({ source_id: 'order-2', items: [{ amount: 4000, discount_amount: 500 }] } as never),
    );
    expectConformsToSpec('put', '/v1/orders/{orderId}', 200, updated);
    expect(updated).toMatchObject({
      amount: 4000,
      items_discount_amount: 500,
      total_discount_amount: 2000,
      total_amount: 2000,
    });
    const byId = loose(await sdk.orders.update({ id: first.id, status: 'FULFILLED' }));
    expect(byId).toMatchObject({ status: 'FULFILLED', amount: 4000 });

    const got = loose(await sdk.orders.get('order-2'));
    expectConformsToSpec('get', '/v1/orders/{orderId}', 200, got);
    expect(got).toEqual(byId);
  });

  it('lists orders page by page, newest first by default', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    // Distinct creation times: orders made within one millisecond would tie, and ties go by id.
    for (let i = 0; i < 5; i++) {
      const created_at = `2025-01-0${i + 1}T00:00:00.000Z`;
      await sdk.orders.create({ source_id: `list-${i}`, amount: 100 * (i + 1), created_at } as never);
    }
    const page = loose(await sdk.orders.list({ limit: 2, page: 1 }));
    expectConformsToSpec('get', '/v1/orders', 200, page);
    expect(page).toMatchObject({ object: 'list', data_ref: 'orders', total: 5 });
    expect(page.orders.map((o: { source_id: string }) => o.source_id)).toEqual(['list-4', 'list-3']);
    const byAmount = loose(await sdk.orders.list({ limit: 5, order: 'amount' } as never));
    expect(byAmount.orders.map((o: { amount: number }) => o.amount)).toEqual([100, 200, 300, 400, 500]);
  });

  it('filters the list by creation and update time', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const old = loose(
      await sdk.orders.create({ source_id: 'old', amount: 1, created_at: '2021-06-01T02:00:00+02:00' } as never),
    );
    expect(old.created_at).toBe('2021-06-01T00:00:00.000Z');
    await sdk.orders.create({ source_id: 'older', amount: 1, created_at: '2020-06-01T00:00:00.000Z' } as never);
    await sdk.orders.create({ source_id: 'new', amount: 1 });
    const sourceIds = async (params: object) =>
      loose(await sdk.orders.list(params as never)).orders.map((o: { source_id: string }) => o.source_id);
    expect(await sourceIds({ created_at: { before: '2022-01-01T00:00:00Z' } })).toEqual(['old', 'older']);
    expect(await sourceIds({ created_at: { after: '2021-01-01T00:00:00Z', before: '2022-01-01' } })).toEqual(['old']);
    await sdk.orders.update({ source_id: 'older', status: 'PAID' } as never);
    expect(await sourceIds({ updated_at: { after: '2020-01-01T00:00:00Z' } })).toEqual(['older']);
    await expect(sdk.orders.list({ created_at: { after: 'soon' } } as never)).rejects.toMatchObject({
      code: 400,
      key: 'invalid_query_params',
    });
  });

  it('imports historical orders through an async action, reporting failed rows', async () => {
    const sdk = server.sdk();
    const queued = await sdk.orders.import([
      {
        source_id: 'hist-1',
        amount: 1000,
        status: 'PAID',
        customer: { source_id: 'historic' },
        created_at: '2020-01-01T10:00:00.000Z',
      },
      { source_id: 'hist-2', items: [{ product_id: 'prod_doesNotExist', quantity: 1 }] },
    ] as never);
    const done = loose(await waitForAsyncAction(server, queued.async_action_id));
    expect(done).toMatchObject({ status: 'DONE', type: 'ORDERS.IMPORT', operation_status: 'FAILED' });
    expect(done.result).toMatchObject({
      done_count: 1,
      failed_count: 1,
      failed: [expect.objectContaining({ source_id: 'hist-2' })],
    });
    expect(loose(await sdk.orders.get('hist-1'))).toMatchObject({
      created_at: '2020-01-01T10:00:00.000Z',
      status: 'PAID',
    });
  });

  it('refuses nonsense with 400 and changes nothing', async () => {
    const sdk = server.sdk();
    const bad = [
      { items: [{ quantity: -1, amount: 100 }] },
      { items: [{ quantity: 1.5, amount: 100 }] },
      { items: [{ quantity: 2 }] },
      { status: 'SHIPPED' },
      { amount: '100' },
      { items: Array.from({ length: 501 }, () => ({ amount: 1 })) },
      { items: [{ amount: 100, discount_amount: 200 }] },
      { items: [{ price: 2 ** 52, quantity: 1_000_000 }] },
      { items: Array.from({ length: 3 }, () => ({ amount: 2 ** 52 })) },
      { created_at: 'yesterday' },
      { items: [{ price: -1, quantity: 1 }] },
    ];
    for (const body of bad) {
      await expect(sdk.orders.create({ source_id: 'never', ...body } as never)).rejects.toMatchObject({
        code: 400,
        key: 'invalid_payload',
      });
    }
    await expect(sdk.orders.get('never')).rejects.toMatchObject({ code: 404 });
    await sdk.orders.create({ source_id: 'taken', amount: 1 });
    await sdk.orders.create({ source_id: 'other', amount: 2 });
    const other = loose(await sdk.orders.get('other'));
    await expect(sdk.orders.update({ id: other.id, source_id: 'taken', amount: 3 })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
    });
    expect(loose(await sdk.orders.get('other'))).toEqual(other);
    await expect(sdk.orders.create({ items: [{ product_id: 'prod_missing', quantity: 1 }] })).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
    });
  });

  it("answers 404 for another project's order", async () => {
    const mine = loose(await server.sdk().orders.create({ source_id: 'private-order', amount: 1 }));
    const theirs = server.sdk(server.otherProject);
    await expect(theirs.orders.get(mine.id)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.orders.get('private-order')).rejects.toMatchObject({ code: 404 });
    await expect(theirs.orders.update({ id: mine.id, status: 'PAID' })).rejects.toMatchObject({ code: 404 });
  });
  describe("the order's redemptions", () => {
    const cart = (sourceId: string, amount = 10000) => ({
      source_id: sourceId,
      amount,
      items: [{ source_id: 'redeemed-item', related_object: 'product' as const, quantity: 1, price: amount }],
    });
    const amountOff = (amount_off: number) => ({ type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' });

    it('lists a voucher redemption with its campaign, keeps it once rolled back, and leaves failed attempts out', async () => {
      const project = await server.createProject();
      const sdk = server.sdk(project);
      const campaign = loose(
        await sdk.campaigns.create({
          name: 'Order coupons',
          campaign_type: 'DISCOUNT_COUPONS',
          type: 'AUTO_UPDATE',
          voucher: { type: 'DISCOUNT_VOUCHER', discount: amountOff(500), redemption: { quantity: 1 } },
        } as never),
      );
      const voucher = loose(await sdk.campaigns.addCertainVoucher(campaign.id, 'ORDER-ONCE', {} as never));
      const redemption = loose(await sdk.redemptions.redeem('ORDER-ONCE', { order: cart('redeemed-once') }));
      // The voucher is used up: this attempt fails and is no redemption of the order.
      await expect(sdk.redemptions.redeem('ORDER-ONCE', { order: cart('redeemed-once') })).rejects.toMatchObject({
        code: 400,
      });

      const order = loose(await sdk.orders.get('redeemed-once'));
      expectConformsToSpec('get', '/v1/orders/{orderId}', 200, order);
      expect(order.redemptions).toEqual({
        [redemption.id]: {
          date: redemption.date,
          related_object_type: 'voucher',
          related_object_id: voucher.id,
          related_object_parent_id: campaign.id,
        },
      });

      const rollback = loose(await sdk.redemptions.rollback(redemption.id, { reason: 'returned' }));
      const after = loose(await sdk.orders.get(order.id));
      expectConformsToSpec('get', '/v1/orders/{orderId}', 200, after);
      expect(after.redemptions).toEqual({
        [redemption.id]: {
          date: redemption.date,
          related_object_type: 'voucher',
          related_object_id: voucher.id,
          related_object_parent_id: campaign.id,
          rollback_id: rollback.id,
          rollback_date: rollback.date,
        },
      });
      // Updating the order answers its redemptions too.
      const updated = loose(await sdk.orders.update({ id: order.id, status: 'FULFILLED' }));
      expectConformsToSpec('put', '/v1/orders/{orderId}', 200, updated);
      expect(updated.redemptions).toEqual(after.redemptions);
    });

    it('answers a redemption of an order redeemed before with all its redemptions, as reading the order does', async () => {
      const project = await server.createProject();
      const sdk = server.sdk(project);
      const campaign = loose(
        await sdk.campaigns.create({
          name: 'Twice on one order',
          campaign_type: 'DISCOUNT_COUPONS',
          type: 'AUTO_UPDATE',
          voucher: { type: 'DISCOUNT_VOUCHER', discount: amountOff(100) },
        } as never),
      );
      await sdk.campaigns.addCertainVoucher(campaign.id, 'FIRST-ON-ORDER', {} as never);
      await sdk.vouchers.create({
        code: 'SECOND-ON-ORDER',
        type: 'DISCOUNT_VOUCHER',
        discount: amountOff(200),
      } as never);
      const first = loose(await sdk.redemptions.redeem('FIRST-ON-ORDER', { order: cart('twice') }));
      // The first redemption's order is new: it carries that redemption only, with its campaign.
      expect(Object.keys(first.order.redemptions)).toEqual([first.id]);
      expect(first.order.redemptions[first.id]).toMatchObject({ related_object_parent_id: campaign.id });
      const second = loose(await sdk.redemptions.redeem('SECOND-ON-ORDER', { order: cart('twice') }));
      expect(Object.keys(second.order.redemptions)).toEqual([first.id, second.id]);
      const order = loose(await sdk.orders.get('twice'));
      expect(second.order.redemptions).toEqual(order.redemptions);
      // A stack on the same order lists what came before it too.
      await sdk.vouchers.create({ code: 'THIRD-ON-ORDER', type: 'DISCOUNT_VOUCHER', discount: amountOff(50) } as never);
      const stacked = loose(
        await sdk.redemptions.redeemStackable({
          redeemables: [{ object: 'voucher', id: 'THIRD-ON-ORDER' }],
          order: cart('twice'),
        } as never),
      );
      const parentId = stacked.parent_redemption.id;
      expect(Object.keys(stacked.order.redemptions)).toEqual([first.id, second.id, parentId]);
      expect(stacked.order.redemptions).toEqual(loose(await sdk.orders.get('twice')).redemptions);
    });

    it('lists a stacked redemption as its parent naming the children in the order they applied', async () => {
      const project = await server.createProject();
      const sdk = server.sdk(project);
      await sdk.vouchers.create({ code: 'STACK-A', type: 'DISCOUNT_VOUCHER', discount: amountOff(100) } as never);
      await sdk.vouchers.create({ code: 'STACK-B', type: 'DISCOUNT_VOUCHER', discount: amountOff(200) } as never);
      const promotion = loose(
        await sdk.promotions.create({
          name: 'Order stack tier',
          campaign_type: 'PROMOTION',
          promotion: { tiers: [{ name: 'Tier', action: { discount: amountOff(300) } }] },
        } as never),
      );
      const tierId = promotion.promotion.tiers[0].id as string;
      const answer = loose(
        await sdk.redemptions.redeemStackable({
          redeemables: [
            { object: 'voucher', id: 'STACK-B' },
            { object: 'promotion_tier', id: tierId },
            { object: 'voucher', id: 'STACK-A' },
          ],
          order: cart('stacked-order'),
        } as never),
      );
      const parent = answer.parent_redemption;
      const childIds = answer.redemptions.map((r: Loose) => r.id);
      expect(childIds).toHaveLength(3);
      const entry = {
        date: parent.date,
        related_object_type: 'redemption',
        related_object_id: parent.id,
        stacked: childIds,
      };
      const order = loose(await sdk.orders.get('stacked-order'));
      expectConformsToSpec('get', '/v1/orders/{orderId}', 200, order);
      expect(order.redemptions).toEqual({ [parent.id]: entry });
      // What the redemption answered of the order is what reading the order shows.
      expect(order.redemptions).toEqual(answer.order.redemptions);

      const rollback = loose(await sdk.redemptions.rollbackStackable(parent.id, {} as never));
      const after = loose(await sdk.orders.get(order.id));
      expectConformsToSpec('get', '/v1/orders/{orderId}', 200, after);
      expect(after.redemptions).toEqual({
        [parent.id]: {
          ...entry,
          rollback_id: rollback.parent_rollback.id,
          rollback_date: rollback.parent_rollback.date,
          rollback_stacked: rollback.rollbacks.map((r: Loose) => r.id),
        },
      });
      // The rollback's answer shows the order as it now stands, its rollback included.
      expect(rollback.order.redemptions).toEqual(after.redemptions);
    });

    it("shows each listed order's own redemptions, and {} for an order without any", async () => {
      const project = await server.createProject();
      const sdk = server.sdk(project);
      for (const code of ['LIST-1', 'LIST-2', 'LIST-3']) {
        await sdk.vouchers.create({ code, type: 'DISCOUNT_VOUCHER', discount: amountOff(100) } as never);
      }
      const created = (i: number) => `2025-03-0${i}T00:00:00.000Z`;
      await sdk.orders.create({ ...cart('plain'), created_at: created(1) } as never);
      await sdk.orders.create({ ...cart('single'), created_at: created(2) } as never);
      await sdk.orders.create({ ...cart('twice'), created_at: created(3) } as never);
      const single = loose(await sdk.redemptions.redeem('LIST-1', { order: { source_id: 'single' } }));
      const first = loose(await sdk.redemptions.redeem('LIST-2', { order: { source_id: 'twice' } }));
      const second = loose(await sdk.redemptions.redeem('LIST-3', { order: { source_id: 'twice' } }));

      const page = loose(await sdk.orders.list({ limit: 10 }));
      expectConformsToSpec('get', '/v1/orders', 200, page);
      const bySource = Object.fromEntries(page.orders.map((o: Loose) => [o.source_id, o.redemptions]));
      expect(Object.keys(bySource)).toEqual(['twice', 'single', 'plain']);
      expect(bySource.plain).toEqual({});
      expect(Object.keys(bySource.single)).toEqual([single.id]);
      expect(bySource.single[single.id]).toMatchObject({ related_object_type: 'voucher', date: single.date });
      expect(Object.keys(bySource.twice)).toEqual([first.id, second.id]);
      expect(bySource.twice[second.id]).toMatchObject({ related_object_type: 'voucher', date: second.date });
      expect(loose(await sdk.orders.get('plain')).redemptions).toEqual({});
      // Another project's order with the same source_id shares none of them.
      const other = server.sdk(server.otherProject);
      const theirs = loose(await other.orders.create(cart('twice')));
      expect(theirs.redemptions).toEqual({});
    });
  });
});
