import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestServer, waitForAsyncAction } from '../support/test-server.js';

/**
 * The whole journey a shop makes through the official SDK: a marketer's campaign of unique codes,
 * a checkout that validates and redeems one against a cart, a return that rolls it back, and the
 * campaign's figures following along.
 */
describe.each(TEST_DATABASES)('a coupon campaign end to end on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('creates codes, validates, redeems, refuses a second use, rolls back and counts it all', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const campaign = loose(
      await sdk.campaigns.create({
        name: 'Autumn 15%',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'STATIC',
        vouchers_count: 500,
        voucher: {
          type: 'DISCOUNT_VOUCHER',
          discount: { type: 'PERCENT', percent_off: 15, amount_limit: 5000 },
          redemption: { quantity: 1 },
          code_config: { pattern: 'AUT-####-####', charset: '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ' },
        },
      } as never),
    );
    const list = await sdk.asyncActions.list({ limit: 10 });
    for (const action of list.async_actions as { id: string }[]) await waitForAsyncAction(server, action.id, project);
    const vouchers: Loose[] = loose(await sdk.vouchers.list({ campaign: 'Autumn 15%', limit: 100 })).vouchers;
    expect(vouchers).toHaveLength(100);
    const code = vouchers[0]?.code as string;
    expect(code).toMatch(/^AUT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(loose(await sdk.campaigns.get(campaign.id))).toMatchObject({ vouchers_count: 500 });

    const cart = {
      source_id: 'checkout-1',
      items: [
        { source_id: 'jacket', related_object: 'product', quantity: 1, price: 40000, product: { name: 'Jacket' } },
        { source_id: 'socks', related_object: 'product', quantity: 3, price: 1000, product: { name: 'Socks' } },
      ],
    };
    const customer = { source_id: 'jane@example.com', name: 'Jane' };
    const validation = loose(await sdk.validations.validateVoucher(code, { customer, order: cart } as never));
    expect(validation).toMatchObject({
      valid: true,
      campaign: 'Autumn 15%',
      order: { amount: 43000, discount_amount: 5000, total_amount: 38000 },
    });

    const redemption = loose(await sdk.redemptions.redeem(code, { customer, order: cart } as never));
    expect(redemption).toMatchObject({
      result: 'SUCCESS',
      order: { total_amount: 38000 },
      voucher: { campaign: 'Autumn 15%' },
    });
    await expect(sdk.redemptions.redeem(code, { customer } as never)).rejects.toMatchObject({
      code: 400,
      key: 'quantity_exceeded',
    });
    expect(loose(await sdk.vouchers.get(code))).toMatchObject({ redemption: { quantity: 1, redeemed_quantity: 1 } });
    expect(loose(await sdk.orders.get('checkout-1'))).toMatchObject({ status: 'CREATED', discount_amount: 5000 });
    expect(loose(await sdk.customers.get('jane@example.com'))).toMatchObject({ name: 'Jane' });

    const summary = loose(
      await fetch(`${server.url}/v1/campaigns/${campaign.id}/summary`, { headers: server.serverHeaders(project) }).then(
        (r) => r.json(),
      ),
    );
    expect(summary).toMatchObject({
      redemptions_succeeded: 1,
      redemptions_failed: 1,
      vouchers_created: 500,
      discounted_amount: 5000,
    });

    await sdk.redemptions.rollback(redemption.id, { reason: 'returned' });
    expect(loose(await sdk.vouchers.get(code))).toMatchObject({ redemption: { redeemed_quantity: 0 } });
    expect(loose(await sdk.redemptions.redeem(code, { customer } as never))).toMatchObject({ result: 'SUCCESS' });
    const after = loose(
      await fetch(`${server.url}/v1/campaigns/${encodeURIComponent('Autumn 15%')}/summary`, {
        headers: server.serverHeaders(project),
      }).then((r) => r.json()),
    );
    expect(after).toMatchObject({
      redemptions_succeeded: 2,
      rollbacks_succeeded: 1,
      rolledback_discounted_amount: 5000,
    });

    // A disabled campaign disables every one of its codes.
    await sdk.campaigns.disable(campaign.id);
    const other = vouchers[1]?.code as string;
    expect(loose(await sdk.validations.validateVoucher(other, {}))).toMatchObject({
      valid: false,
      error: { key: 'voucher_disabled' },
    });
  });
});
