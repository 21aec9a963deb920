import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { storeVoucher } from '../support/voucher-fixtures.js';

/** A customer the shop stored; storefront requests name her by her (guessable) source_id. */
const DANA = {
  source_id: 'dana',
  name: 'Dana Stored',
  email: 'dana@stored.example',
  phone: '+48600000002',
  address: { city: 'Storedville', line_1: 'Stored Street 1' },
  metadata: { tier: 'gold' },
};

/** What an attacker with the public client-side key would like to write over her. */
const CLAIMED = {
  source_id: 'dana',
  name: 'Mallory Claims',
  email: 'mallory@attacker.example',
  phone: '+48600000666',
  address: { city: 'Attackton' },
  metadata: { tier: 'none' },
};

/** Storefronts may neither rewrite what the shop stored nor take over its orders; server-side keys still upsert. */
describe.each(TEST_DATABASES)('client-side writes on $name', (database) => {
  let server: TestServer;
  let shop: TestProject;
  let danaId: string;
  let mugId: string;
  let mugRedId: string;

  beforeAll(async () => {
    server = await startTestServer(database);
    shop = await server.createProject({ client_redeem_enabled: true, client_create_customer_enabled: true });
    const sdk = server.sdk(shop);
    danaId = loose(await sdk.customers.create(DANA)).id;
    mugId = loose(
      await sdk.products.create({ source_id: 'mug', name: 'Mug', price: 2000, metadata: { cost: 700 } } as never),
    ).id;
    mugRedId = loose(
      await sdk.products.createSku(mugId, { source_id: 'mug-red', sku: 'Red mug', price: 2100, metadata: {} } as never),
    ).id;
    await storeVoucher(server, { code: 'OPEN', redemption_quantity: null }, shop);
  }, 60_000);

  afterAll(() => server?.close());

  /** The customer as the shop's server sees it. */
  async function storedDana() {
    return loose(await server.sdk(shop).customers.get(danaId));
  }

  function expectDanaUnchanged(customer: Record<string, unknown>) {
    expect(customer).toMatchObject({
      name: DANA.name,
      email: DANA.email,
      phone: DANA.phone,
      address: { city: DANA.address.city, line_1: DANA.address.line_1 },
      metadata: DANA.metadata,
    });
  }

  function clientRedeem(code: string, body: unknown) {
    return server.app.inject({
      method: 'POST',
      url: `/client/v1/redeem?code=${code}`,
      headers: { ...server.clientHeaders(shop), 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  }

  async function redeemedQuantity(code: string): Promise<number> {
    return loose(await server.sdk(shop).vouchers.get(code)).redemption.redeemed_quantity;
  }

  describe('customers', () => {
    it('leaves an existing customer as stored when a storefront creates her again with other details', async () => {
      const answer = loose(await server.clientSdk(shop).createCustomer(CLAIMED as never));
      expect(answer).toMatchObject({ id: danaId, source_id: 'dana', email: CLAIMED.email, object: 'customer' });
      expectDanaUnchanged(await storedDana());
    });

    it('creates a customer a storefront names for the first time', async () => {
      const answer = loose(
        await server.clientSdk(shop).createCustomer({ source_id: 'erin', email: 'erin@example.com' } as never),
      );
      expect(answer.id).toMatch(/^cust_/);
      const stored = loose(await server.sdk(shop).customers.get('erin'));
      expect(stored).toMatchObject({ id: answer.id, email: 'erin@example.com' });
    });

    it('leaves an existing customer as stored when a storefront validates or redeems in her name', async () => {
      const client = server.clientSdk(shop);
      const validation = loose(await client.validate({ code: 'OPEN', amount: 3000, customer: CLAIMED } as never));
      expect(validation.valid).toBe(true);
      const redemption = loose(await client.redeem('OPEN', { customer: CLAIMED, order: { amount: 3000 } } as never));
      expect(redemption).toMatchObject({ result: 'SUCCESS', customer_id: danaId });
      expect(redemption.customer).toMatchObject({ email: CLAIMED.email });
      const redeemedById = await clientRedeem('OPEN', { customer: { id: danaId, email: CLAIMED.email } });
      expect(redeemedById.statusCode).toBe(200);
      expectDanaUnchanged(await storedDana());
    });

    it('updates an existing customer through the server-side API, as before', async () => {
      await storeVoucher(server, { code: 'SERVER-CUSTOMER', redemption_quantity: null }, shop);
      const sdk = server.sdk(shop);
      await sdk.customers.create({ source_id: 'fay', email: 'fay@old.example' });
      await sdk.redemptions.redeem('SERVER-CUSTOMER', {
        customer: { source_id: 'fay', email: 'fay@new.example' },
      } as never);
      expect(loose(await sdk.customers.get('fay')).email).toBe('fay@new.example');
      await sdk.customers.create({ source_id: 'fay', email: 'fay@newer.example' });
      expect(loose(await sdk.customers.get('fay')).email).toBe('fay@newer.example');
    });
  });

  describe('catalog', () => {
    const overridingLines = [
      {
        product: { source_id: 'mug', override: true, name: 'Free mug', price: 1, metadata: { cost: 0 } },
        quantity: 2,
      },
      {
        sku: { source_id: 'mug-red', override: true, sku: 'Free red mug', price: 2, metadata: { hacked: true } },
        product: { source_id: 'mug' },
        quantity: 1,
      },
    ];

    it("prices a storefront's override line for its own order but leaves the product and SKU as stored", async () => {
      const answer = await clientRedeem('OPEN', { customer: { source_id: 'gus' }, order: { items: overridingLines } });
      expect(answer.statusCode).toBe(200);
      const items = loose(answer.json()).order.items;
      expect(items[0]).toMatchObject({ product_id: mugId, price: 1, amount: 2 });
      expect(items[1]).toMatchObject({ sku_id: mugRedId, price: 2, amount: 2 });

      const sdk = server.sdk(shop);
      expect(loose(await sdk.products.get(mugId))).toMatchObject({ name: 'Mug', price: 2000, metadata: { cost: 700 } });
      expect(loose(await sdk.products.getSku(mugRedId))).toMatchObject({
        sku: 'Red mug',
        price: 2100,
        metadata: {},
      });
    });

    it("creates a product a storefront's line names for the first time", async () => {
      const answer = await clientRedeem('OPEN', {
        order: { items: [{ product: { source_id: 'new-cup', name: 'Cup', price: 900 }, quantity: 1 }] },
      });
      expect(answer.statusCode).toBe(200);
      expect(loose(await server.sdk(shop).products.get('new-cup'))).toMatchObject({ name: 'Cup', price: 900 });
    });

    it('updates the product and SKU through the server-side API, as before', async () => {
      await storeVoucher(server, { code: 'SERVER-CATALOG', redemption_quantity: null }, shop);
      const sdk = server.sdk(shop);
      const product = loose(await sdk.products.create({ source_id: 'bowl', name: 'Bowl', price: 3000 } as never));
      const sku = loose(await sdk.products.createSku(product.id, { source_id: 'bowl-blue', price: 3100 } as never));
      await sdk.redemptions.redeem('SERVER-CATALOG', {
        order: {
          items: [
            { product: { source_id: 'bowl', override: true, price: 2500 }, quantity: 1 },
            {
              sku: { source_id: 'bowl-blue', override: true, price: 2600 },
              product: { source_id: 'bowl' },
              quantity: 1,
            },
          ],
        },
      } as never);
      expect(loose(await sdk.products.get(product.id)).price).toBe(2500);
      expect(loose(await sdk.products.getSku(sku.id)).price).toBe(2600);
    });
  });

  describe('orders', () => {
    let danaOrderId: string;

    beforeAll(async () => {
      danaOrderId = loose(
        await server.sdk(shop).orders.create({
          source_id: 'dana-order',
          amount: 5000,
          customer: { source_id: 'dana' },
        } as never),
      ).id;
    });

    it("refuses, as not found, a storefront redemption that names another customer's order", async () => {
      await server.clientSdk(shop).createCustomer({ source_id: 'mallory' });
      const before = await redeemedQuantity('OPEN');
      for (const order of [{ id: danaOrderId }, { source_id: 'dana-order' }]) {
        const answer = await clientRedeem('OPEN', { customer: { source_id: 'mallory' }, order });
        expect(answer.statusCode, JSON.stringify(order)).toBe(404);
        expect(loose(answer.json())).toMatchObject({ key: 'not_found' });
        const viaOrderCustomer = await clientRedeem('OPEN', {
          order: { ...order, customer: { source_id: 'mallory' }, amount: 1 },
        });
        expect(viaOrderCustomer.statusCode, JSON.stringify(order)).toBe(404);
      }
      expect(await redeemedQuantity('OPEN')).toBe(before);
      const stored = loose(await server.sdk(shop).orders.get(danaOrderId));
      expect(stored).toMatchObject({ customer_id: danaId, amount: 5000 });
    });

    it("redeems on a storefront's own stored order as the shop stored it", async () => {
      const answer = await clientRedeem('OPEN', {
        customer: { source_id: 'dana' },
        order: { source_id: 'dana-order', amount: 100_000, metadata: { rewritten: true } },
      });
      expect(answer.statusCode).toBe(200);
      expect(loose(answer.json()).order).toMatchObject({ id: danaOrderId, amount: 5000 });
      const stored = loose(await server.sdk(shop).orders.get(danaOrderId));
      expect(stored).toMatchObject({ customer_id: danaId, amount: 5000 });
      expect(stored.metadata).not.toHaveProperty('rewritten');
    });

    it('moves and updates an order through the server-side API, as before', async () => {
      await storeVoucher(server, { code: 'SERVER-ORDER', redemption_quantity: null }, shop);
      const sdk = server.sdk(shop);
      const order = loose(
        await sdk.orders.create({ source_id: 'hal-order', amount: 4000, customer: { source_id: 'hal' } } as never),
      );
      await sdk.redemptions.redeem('SERVER-ORDER', {
        customer: { source_id: 'ida' },
        order: { source_id: 'hal-order', amount: 4500 },
      } as never);
      const ida = loose(await sdk.customers.get('ida'));
      expect(loose(await sdk.orders.get(order.id))).toMatchObject({ customer_id: ida.id, amount: 4500 });
    });
  });
});
