import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HiddenClientMetadata } from '../../src/domain/projects/client-metadata.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { readRouteTable } from '../support/route-table.js';
import { startTestServer, type TestProject, type TestServer, TRUSTED_ORIGIN } from '../support/test-server.js';
import { storeVoucher } from '../support/voucher-fixtures.js';

const UNTRUSTED_ORIGINS = [
  'https://evil.example.net',
  'https://shop.example.com.evil.net',
  'http://shop.example.com',
  'null',
];
const REQUIRED_ALLOWED_HEADERS = [
  'x-client-application-id',
  'x-client-token',
  'content-type',
  'x-voucherify-channel',
  'idempotency-key',
];
const REQUIRED_EXPOSED_HEADERS = ['x-rate-limit-limit', 'x-rate-limit-remaining', 'retry-after', 'x-request-id'];

/** The shop hides one key per object from storefronts; each has a visible sibling that must stay. */
const HIDDEN: Required<HiddenClientMetadata> = {
  voucher: ['vh_cost'],
  customer: ['ch_tier'],
  order: ['oh_margin'],
  order_item: ['ih_supplier'],
  product: ['ph_cost_price'],
  sku: ['sh_cost'],
  redemption: ['rh_note'],
  promotion_tier: ['th_cost'],
};
/** Values stored under the hidden keys: none may reach a storefront, under any key. */
const HIDDEN_VALUES = {
  voucher: 'HIDDEN-VOUCHER-COST',
  customer: 'HIDDEN-CUSTOMER-TIER',
  order: 'HIDDEN-ORDER-MARGIN',
  order_item: 'HIDDEN-ITEM-SUPPLIER',
  product: 'HIDDEN-PRODUCT-COST',
  sku: 'HIDDEN-SKU-COST',
  redemption: 'HIDDEN-REDEMPTION-NOTE',
  promotion_tier: 'HIDDEN-TIER-COST',
};

/** Another customer of the shop, whom the storefront's shopper must never learn about. */
const ALICE = {
  source_id: 'alice',
  name: 'Alice Privatename',
  email: 'alice@private.example',
  phone: '+48600000001',
  description: 'Alice description',
  address: { city: 'Alicetown', line_1: 'Alice Street 1' },
  metadata: { ch_tier: HIDDEN_VALUES.customer, alice_note: 'ALICE-VISIBLE-NOTE' },
};

function headerList(value: string | string[] | number | undefined): string[] {
  return String(value ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
}

function corsHeadersOf(answer: LightMyRequestResponse): string[] {
  return Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));
}

describe.each(TEST_DATABASES)('client-side keys on $name', (database) => {
  let server: TestServer;
  let shop: TestProject;
  let aliceId: string;
  let aliceOrderId: string;
  /** Strings a client answer must never contain, by what they are. */
  let forbidden: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(database);
    shop = await server.createProject({
      client_redeem_enabled: true,
      client_create_customer_enabled: true,
      client_publish_enabled: true,
      client_hidden_metadata: HIDDEN,
    });
    const sdk = server.sdk(shop);
    aliceId = loose(await sdk.customers.create(ALICE)).id;
    const product = loose(
      await sdk.products.create({
        source_id: 'mug',
        name: 'Mug',
        price: 2000,
        attributes: ['color'],
        metadata: { ph_cost_price: HIDDEN_VALUES.product, color: 'red' },
      } as never),
    );
    await sdk.products.createSku(product.id, {
      source_id: 'mug-red',
      sku: 'Red mug',
      price: 2000,
      attributes: { color: 'red' },
      metadata: { sh_cost: HIDDEN_VALUES.sku, finish: 'glossy' },
    } as never);
    aliceOrderId = loose(
      await sdk.orders.create({
        source_id: 'alice-order',
        amount: 5000,
        customer: { source_id: 'alice' },
        metadata: { oh_margin: HIDDEN_VALUES.order },
      } as never),
    ).id;
    const voucherMetadata = { vh_cost: HIDDEN_VALUES.voucher, headline: 'Ten off' };
    for (const code of ['OPEN-10', 'OPEN-10-B', 'OPEN-10-C', 'OPEN-10-D']) {
      await storeVoucher(server, { code, metadata: voucherMetadata, redemption_quantity: null }, shop);
    }
    await storeVoucher(server, { code: 'ALICES-CODE', holder_id: aliceId, metadata: voucherMetadata }, shop);
    await storeVoucher(server, { code: 'ALICES-REFERRAL', referrer_id: aliceId, is_referral_code: true }, shop);

    const serverKey = await server.store.apiKeys.findByAppId(shop.serverKey.app_id);
    const clientKey = await server.store.apiKeys.findByAppId(shop.clientKey.app_id);
    const project = await server.store.projects.findById(shop.id);
    forbidden = {
      'another customer: id': aliceId,
      'another customer: name': ALICE.name,
      'another customer: email': ALICE.email,
      'another customer: phone': ALICE.phone,
      'another customer: description': ALICE.description,
      'another customer: address': ALICE.address.line_1,
      "another customer's order": aliceOrderId,
      'project id': shop.id,
      'server-side app id': shop.serverKey.app_id,
      'server-side secret': shop.serverKey.app_token,
      'client-side secret': shop.clientKey.app_token,
      'server key id': serverKey?.id ?? 'missing',
      'client key id': clientKey?.id ?? 'missing',
      'server key hash': serverKey?.secret_hash ?? 'missing',
      'client key hash': clientKey?.secret_hash ?? 'missing',
      'webhook token': project?.webhook_token ?? 'missing',
      'internal field project_id': '"project_id"',
      'internal field snapshot': '"snapshot"',
      'internal field rollback_of': '"rollback_of"',
      'internal field code_key': '"code_key"',
      'internal field secret_hash': '"secret_hash"',
      ...Object.fromEntries(
        Object.entries(HIDDEN_VALUES).map(([object, value]) => [`hidden ${object} metadata`, value]),
      ),
      ...Object.fromEntries(
        Object.entries(HIDDEN).map(([object, keys]) => [`hidden ${object} metadata key`, `"${keys[0]}"`]),
      ),
    };
  });
  afterAll(() => server?.close());

  /** What a client answer gives away, by name; an empty list is a clean answer. */
  function leaksIn(answer: unknown, allowed: string[] = []): string[] {
    const text = JSON.stringify(answer);
    return Object.entries(forbidden)
      .filter(([label, value]) => !allowed.includes(label) && text.includes(value))
      .map(([label]) => label);
  }

  const preflight = (url: string, origin: string) =>
    server.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-client-application-id, x-client-token, content-type',
      },
    });

  describe('CORS', () => {
    it('answers a preflight from a trusted origin with that origin, the methods and the headers', async () => {
      for (const url of ['/client/v1/validate', '/client/v1/redeem?code=OPEN-10', '/client/v1/customers']) {
        const answer = await preflight(url, TRUSTED_ORIGIN);
        expect(answer.statusCode, url).toBe(204);
        expect(answer.headers['access-control-allow-origin'], url).toBe(TRUSTED_ORIGIN);
        expect(headerList(answer.headers.vary)).toContain('origin');
        expect(headerList(answer.headers['access-control-allow-methods'])).toEqual(
          expect.arrayContaining(['get', 'post']),
        );
        expect(headerList(answer.headers['access-control-allow-headers'])).toEqual(
          expect.arrayContaining(REQUIRED_ALLOWED_HEADERS),
        );
        expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
      }
    });

    it('gives a preflight from an origin no project trusts no allow-origin, so the browser blocks it', async () => {
      for (const origin of UNTRUSTED_ORIGINS) {
        const answer = await preflight('/client/v1/validate', origin);
        expect(answer.statusCode, origin).toBe(204);
        expect(corsHeadersOf(answer), origin).toEqual([]);
        expect(headerList(answer.headers.vary)).toContain('origin');
      }
    });

    it('lets a real answer to a trusted origin be read, with the headers a storefront needs', async () => {
      const answer = await server.app.inject({
        method: 'GET',
        url: '/client/v1/validate?code=OPEN-10&amount=3000',
        headers: server.clientHeaders(shop),
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['access-control-allow-origin']).toBe(TRUSTED_ORIGIN);
      expect(headerList(answer.headers['access-control-expose-headers'])).toEqual(
        expect.arrayContaining(REQUIRED_EXPOSED_HEADERS),
      );
      expect(headerList(answer.headers.vary)).toContain('origin');
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
      // A refused key from a trusted origin is readable too, so the storefront can show why.
      const refused = await server.app.inject({
        method: 'GET',
        url: '/client/v1/validate?code=OPEN-10',
        headers: { ...server.clientHeaders(shop), 'x-client-token': 'not-the-token' },
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe(TRUSTED_ORIGIN);
    });

    it('gives a real answer to an untrusted origin, or to no origin, no allow-origin', async () => {
      for (const origin of UNTRUSTED_ORIGINS) {
        const answer = await server.app.inject({
          method: 'GET',
          url: '/client/v1/validate?code=OPEN-10',
          headers: server.clientHeaders(shop, origin),
        });
        expect(answer.statusCode, origin).toBe(403);
        expect(corsHeadersOf(answer), origin).toEqual([]);
      }
      const { origin: _origin, ...withoutOrigin } = server.clientHeaders(shop);
      const bare = await server.app.inject({
        method: 'GET',
        url: '/client/v1/validate?code=X',
        headers: withoutOrigin,
      });
      expect(bare.statusCode).toBe(403);
      expect(corsHeadersOf(bare)).toEqual([]);
    });

    it("checks the request against the key's own project, though the preflight passed for another", async () => {
      const elsewhere = 'https://other-shop.example.org';
      await server.createProject({ client_trusted_domains: [elsewhere] });
      // Preflights read the installation's origins afresh within a couple of seconds.
      let answer = await preflight('/client/v1/validate', elsewhere);
      for (let i = 0; i < 100 && answer.headers['access-control-allow-origin'] === undefined; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await preflight('/client/v1/validate', elsewhere);
      }
      expect(answer.headers['access-control-allow-origin']).toBe(elsewhere);
      const real = await server.app.inject({
        method: 'GET',
        url: '/client/v1/validate?code=OPEN-10',
        headers: server.clientHeaders(shop, elsewhere),
      });
      expect(real.statusCode).toBe(403);
      expect(loose(real.json())).toMatchObject({ key: 'forbidden' });
      expect(corsHeadersOf(real)).toEqual([]);
    });

    it('answers no CORS header at all on server and management routes, preflight or not', async () => {
      const cases = [
        { method: 'GET' as const, url: '/v1/customers', headers: server.serverHeaders(shop) },
        { method: 'GET' as const, url: '/management/v1/projects', headers: server.managementHeaders() },
        // A client key on a server route, from a trusted origin, as a browser would send it.
        { method: 'GET' as const, url: '/v1/customers', headers: server.clientHeaders(shop) },
        { method: 'GET' as const, url: '/management/v1/projects', headers: server.clientHeaders(shop) },
      ];
      for (const c of cases) {
        const answer = await server.app.inject({ ...c, headers: { ...c.headers, origin: TRUSTED_ORIGIN } });
        expect(corsHeadersOf(answer), c.url).toEqual([]);
      }
      for (const url of ['/v1/customers', '/v1/vouchers/OPEN-10/validate', '/management/v1/projects']) {
        const answer = await preflight(url, TRUSTED_ORIGIN);
        expect(corsHeadersOf(answer), url).toEqual([]);
        expect(answer.statusCode, url).toBeGreaterThanOrEqual(400);
      }
    });

    it('refuses a client key on server and management routes in the error shape', async () => {
      for (const url of ['/v1/customers', '/v1/vouchers/OPEN-10', '/management/v1/projects']) {
        const answer = await server.app.inject({ method: 'GET', url, headers: server.clientHeaders(shop) });
        expect(answer.statusCode, url).toBe(401);
        expect(loose(answer.json())).toMatchObject({ code: 401, key: 'unauthorized', request_id: expect.any(String) });
      }
    });
  });

  describe('what a storefront sees', () => {
    it('covers every client-side route here', () => {
      const routes = readRouteTable(server.app)
        .routes.filter((r) => r.keyKind === 'client')
        .map((r) => `${r.method} ${r.pattern}`)
        .sort();
      // A new client route must present its answers through src/http/client-presenter.ts and get
      // a case below before it joins this list.
      expect(routes).toEqual([
        'GET /client/v1/promotions/tiers',
        'GET /client/v1/promotions/validation',
        'GET /client/v1/validate',
        'POST /client/v1/customers',
        'POST /client/v1/events',
        'POST /client/v1/publish',
        // Its storefront case is in qualifications.sdk.test.ts.
        'POST /client/v1/qualifications',
        'POST /client/v1/redeem',
        'POST /client/v1/redemptions',
        'POST /client/v1/validations',
      ]);
    });

    it('validates without naming another customer or showing hidden metadata', async () => {
      const client = server.clientSdk(shop);
      const query = {
        code: 'OPEN-10',
        customer: { source_id: 'bob' },
        items: [
          {
            product_id: 'mug',
            sku_id: 'mug-red',
            quantity: 2,
            metadata: { ih_supplier: HIDDEN_VALUES.order_item, gift_wrap: 'yes' },
          },
        ],
        metadata: { vh_cost: HIDDEN_VALUES.voucher, headline: 'Ten off' },
      };
      const validation = loose(await client.validate(query as never));
      expect(validation).toMatchObject({ valid: true, code: 'OPEN-10', metadata: { headline: 'Ten off' } });
      expect(validation.order.items[0]).toMatchObject({
        metadata: { gift_wrap: 'yes' },
        product: { metadata: { color: 'red' } },
        sku: { metadata: { finish: 'glossy' } },
      });
      expect(leaksIn(validation)).toEqual([]);

      // The same through the server-side key shows what was kept back: the check above means something.
      const serverSide = loose(
        await server.sdk(shop).validations.validateVoucher('OPEN-10', {
          customer: { source_id: 'bob' },
          order: { items: query.items },
        } as never),
      );
      expect(JSON.stringify(serverSide)).toContain(HIDDEN_VALUES.product);
      expect(JSON.stringify(serverSide)).toContain(HIDDEN_VALUES.sku);
    });

    it('lists and validates promotion tiers without their totals, another customer or hidden metadata', async () => {
      const sdk = server.sdk(shop);
      const campaign = loose(
        await sdk.promotions.create({
          name: 'Storefront promotion',
          campaign_type: 'PROMOTION',
          metadata: { campaign_note: 'CAMPAIGN-ONLY-NOTE' },
          promotion: {
            tiers: [
              {
                name: 'Five off',
                action: { discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' } },
                metadata: { th_cost: HIDDEN_VALUES.promotion_tier, badge: 'gold' },
              },
            ],
          },
        } as never),
      );
      const tierId = campaign.promotion.tiers[0].id;
      const listed = await server.app.inject({
        method: 'GET',
        url: '/client/v1/promotions/tiers?is_available=true',
        headers: server.clientHeaders(shop),
      });
      expect(listed.statusCode).toBe(200);
      const list = loose(listed.json());
      expect(list.tiers.map((tier: { id: string }) => tier.id)).toContain(tierId);
      const tier = list.tiers.find((t: { id: string }) => t.id === tierId);
      expect(tier.metadata).toEqual({ badge: 'gold' });
      expect(tier.summary).toBeUndefined();
      expect(leaksIn(list)).toEqual([]);
      expect(JSON.stringify(list)).not.toContain('CAMPAIGN-ONLY-NOTE');

      const validation = loose(
        await server.clientSdk(shop).validate({
          customer: { source_id: 'bob' },
          items: [
            { product_id: 'mug', sku_id: 'mug-red', quantity: 2, metadata: { ih_supplier: HIDDEN_VALUES.order_item } },
          ],
        } as never),
      );
      const qualified = validation.promotions.find((p: { id: string }) => p.id === tierId);
      expect(qualified).toMatchObject({ metadata: { badge: 'gold' }, discount_amount: 500 });
      expect(leaksIn(validation)).toEqual([]);

      // Stacked, the tier shows the same: its visible metadata, no totals, nothing hidden.
      const stackBody = {
        redeemables: [{ object: 'promotion_tier', id: tierId }],
        customer: { source_id: 'bob' },
        order: { amount: 4000 },
        options: { expand: ['redeemable'] },
      };
      const stacked = loose(await server.clientSdk(shop).validateStackable(stackBody as never));
      expect(stacked.redeemables[0]).toMatchObject({ id: tierId, metadata: { badge: 'gold' } });
      expect(leaksIn(stacked)).toEqual([]);
      const redeemed = loose(await server.clientSdk(shop).redeemStackable(stackBody as never));
      expect(redeemed.redemptions[0].promotion_tier).toMatchObject({ id: tierId, metadata: { badge: 'gold' } });
      expect(redeemed.redemptions[0].promotion_tier.summary).toBeUndefined();
      expect(leaksIn(redeemed)).toEqual([]);

      const serverSide = loose(await sdk.promotions.tiers.get(tierId));
      expect(JSON.stringify(serverSide)).toContain(HIDDEN_VALUES.promotion_tier);
    });

    it('redeems showing the shopper as far as the request described them, and no hidden metadata', async () => {
      const client = server.clientSdk(shop);
      const redemption = loose(
        await client.redeem('OPEN-10-B', {
          customer: {
            source_id: 'bob',
            name: 'Bob Shopper',
            metadata: { ch_tier: HIDDEN_VALUES.customer, fav: 'tea' },
          },
          order: {
            amount: 4000,
            items: [
              { product_id: 'mug', quantity: 2, metadata: { ih_supplier: HIDDEN_VALUES.order_item, gift_wrap: 'yes' } },
            ],
            metadata: { oh_margin: HIDDEN_VALUES.order, channel: 'web' },
          },
          metadata: { rh_note: HIDDEN_VALUES.redemption, utm: 'mail' },
        } as never),
      );
      expect(redemption).toMatchObject({
        result: 'SUCCESS',
        metadata: { utm: 'mail' },
        customer: { source_id: 'bob', name: 'Bob Shopper', metadata: { fav: 'tea' }, object: 'customer' },
        order: { metadata: { channel: 'web' }, items: [{ metadata: { gift_wrap: 'yes' } }] },
        voucher: { code: 'OPEN-10-B', metadata: { headline: 'Ten off' } },
      });
      expect(redemption.customer_id).toBe(redemption.customer.id);
      expect(leaksIn(redemption)).toEqual([]);

      const stored = loose(await server.sdk(shop).redemptions.get(redemption.id));
      expect(stored.metadata).toEqual({ rh_note: HIDDEN_VALUES.redemption, utm: 'mail' });
    });

    it('validates and redeems stacks showing only the shopper, without hidden metadata', async () => {
      const client = server.clientSdk(shop);
      const body = {
        redeemables: [
          { object: 'voucher', id: 'OPEN-10-D' },
          { object: 'voucher', id: 'ALICES-CODE' },
        ],
        customer: { source_id: 'bob', metadata: { ch_tier: HIDDEN_VALUES.customer, fav: 'tea' } },
        order: {
          amount: 4000,
          items: [
            { product_id: 'mug', quantity: 2, metadata: { ih_supplier: HIDDEN_VALUES.order_item, gift_wrap: 'yes' } },
          ],
          metadata: { oh_margin: HIDDEN_VALUES.order, channel: 'web' },
        },
        metadata: { rh_note: HIDDEN_VALUES.redemption, utm: 'mail' },
        options: { expand: ['redeemable'] },
      };
      const validation = loose(await client.validateStackable(body as never));
      expect(validation.valid).toBe(true);
      expect(validation.redeemables[0]).toMatchObject({ id: 'OPEN-10-D', metadata: { headline: 'Ten off' } });
      expect(validation.order).toMatchObject({
        metadata: { channel: 'web' },
        items: [{ metadata: { gift_wrap: 'yes' } }],
      });
      expect(leaksIn(validation)).toEqual([]);

      const redemption = loose(await client.redeemStackable(body as never));
      expect(redemption.redemptions.map((child: { voucher: { code: string } }) => child.voucher.code)).toEqual([
        'OPEN-10-D',
        'ALICES-CODE',
      ]);
      expect(redemption.parent_redemption).toMatchObject({ metadata: { utm: 'mail' }, customer: { source_id: 'bob' } });
      expect(leaksIn(redemption)).toEqual([]);
    });

    it("never shows a stored customer's details to a storefront that only names them", async () => {
      const client = server.clientSdk(shop);
      const redemption = loose(await client.redeem('OPEN-10-C', { customer: { source_id: 'alice' } } as never));
      expect(redemption.customer).toEqual({ id: aliceId, source_id: 'alice', metadata: {}, object: 'customer' });
      // The request named Alice, so her id and source_id are the request's own; nothing else is.
      expect(leaksIn(redemption, ['another customer: id'])).toEqual([]);
      expect(JSON.stringify(redemption)).not.toContain('ALICE-VISIBLE-NOTE');
    });

    it('tracks an event for a stored customer without showing their details', async () => {
      const client = server.clientSdk(shop);
      const answer = loose(await client.track('viewed', { source_id: 'alice' } as never, { page: '/x' }));
      expect(answer).toEqual({
        object: 'event',
        type: 'viewed',
        customer: { id: aliceId, source_id: 'alice', metadata: {}, object: 'customer' },
        referral: null,
        loyalty: null,
        metadata: { page: '/x' },
      });
      expect(leaksIn(answer, ['another customer: id'])).toEqual([]);
      expect(JSON.stringify(answer)).not.toContain('ALICE-VISIBLE-NOTE');
    });

    it("never names the customer of a stored order or a code's holder or referrer", async () => {
      const client = server.clientSdk(shop);
      // Raw, because the SDK always sends a customer; a request may name none.
      const answer = await server.app.inject({
        method: 'POST',
        url: '/client/v1/redeem?code=OPEN-10-D',
        headers: { ...server.clientHeaders(shop), 'content-type': 'application/json' },
        payload: { order: { id: aliceOrderId } },
      });
      const onAlicesOrder = loose(answer.json());
      expect(onAlicesOrder).toMatchObject({ result: 'SUCCESS' });
      expect(onAlicesOrder.order).not.toHaveProperty('customer_id');
      expect(onAlicesOrder.order).not.toHaveProperty('customer');
      expect(leaksIn(onAlicesOrder, ["another customer's order"])).toEqual([]);
      // The server side sees whose order it was: the check above means something.
      const seen = loose(await server.sdk(shop).redemptions.get(onAlicesOrder.id));
      expect(seen.order.customer_id).toBe(aliceId);

      for (const code of ['ALICES-CODE', 'ALICES-REFERRAL']) {
        const validation = loose(await client.validate({ code, customer: { source_id: 'bob' } } as never));
        expect(leaksIn(validation), code).toEqual([]);
        const redemption = loose(await client.redeem(code, { customer: { source_id: 'bob' } } as never));
        expect(redemption.voucher, code).toMatchObject({ code });
        expect(redemption.voucher, code).not.toHaveProperty('holder_id');
        expect(redemption.voucher, code).not.toHaveProperty('referrer_id');
        expect(leaksIn(redemption), code).toEqual([]);
        const seenVoucher = loose(await server.sdk(shop).redemptions.get(redemption.id)).voucher;
        expect(seenVoucher.holder_id ?? seenVoucher.referrer_id, code).toBe(aliceId);
      }
    });

    it("publishes to the shopper without naming another customer, a code's cost or hidden metadata", async () => {
      const sdk = server.sdk(shop);
      await sdk.campaigns.create({
        name: 'Storefront giveaway',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'STATIC',
        vouchers_count: 2,
        voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 5 } },
      } as never);
      // Alice already holds one of them, published server-side with the shop's own metadata.
      await sdk.distributions.publications.create({
        campaign: { name: 'Storefront giveaway' },
        customer: { source_id: 'alice' },
        metadata: { rh_note: HIDDEN_VALUES.redemption },
      } as never);
      const client = server.clientSdk(shop);
      const published = loose(await client.publish('Storefront giveaway', { customer: { source_id: 'bob' } } as never));
      expect(published).toMatchObject({ result: 'SUCCESS', customer: { source_id: 'bob', object: 'customer' } });
      expect(published.voucher.holder_id).toBe(published.customer_id);
      expect(leaksIn(published)).toEqual([]);
      // Naming Alice shows her id and source_id, which the request gave, and nothing else of hers.
      const asAlice = await client
        .publish('Storefront giveaway', { customer: { source_id: 'alice' } } as never)
        .then(loose, loose);
      expect(leaksIn(asAlice, ['another customer: id'])).toEqual([]);
      expect(JSON.stringify(asAlice)).not.toContain('ALICE-VISIBLE-NOTE');
    });

    it('answers a replayed redemption through the same filter', async () => {
      const body = JSON.stringify({
        customer: { source_id: 'bob' },
        metadata: { rh_note: HIDDEN_VALUES.redemption },
      });
      const send = () =>
        server.app.inject({
          method: 'POST',
          url: '/client/v1/redeem?code=OPEN-10',
          headers: { ...server.clientHeaders(shop), 'content-type': 'application/json', 'idempotency-key': 'replay-1' },
          payload: body,
        });
      const first = await send();
      const again = await send();
      expect(first.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(leaksIn(again.json())).toEqual([]);
    });

    it('creates a customer showing what the request gave, and nothing of an existing one', async () => {
      const client = server.clientSdk(shop);
      const existing = loose(await client.createCustomer({ source_id: 'alice' }));
      expect(existing).toEqual({ id: aliceId, source_id: 'alice', metadata: {}, object: 'customer' });
      expect(leaksIn(existing, ['another customer: id'])).toEqual([]);

      const created = loose(
        await client.createCustomer({
          source_id: 'carol',
          name: 'Carol',
          email: 'carol@example.com',
          address: { city: 'Krakow' },
          metadata: { ch_tier: HIDDEN_VALUES.customer, newsletter: true },
        } as never),
      );
      expect(created).toEqual({
        id: expect.stringMatching(/^cust_/),
        source_id: 'carol',
        name: 'Carol',
        email: 'carol@example.com',
        address: { city: 'Krakow' },
        metadata: { newsletter: true },
        object: 'customer',
      });
      expect(leaksIn(created)).toEqual([]);
      // Kept back from the storefront only: the server side sees the whole customer.
      const full = loose(await server.sdk(shop).customers.get('carol'));
      expect(full.metadata).toEqual({ ch_tier: HIDDEN_VALUES.customer, newsletter: true });
    });
  });

  describe('the setting', () => {
    const projectUrl = () => `/management/v1/projects/${shop.id}`;

    it('is read and replaced through the management API, and refuses an unknown object', async () => {
      const read = await server.app.inject({ method: 'GET', url: projectUrl(), headers: server.managementHeaders() });
      expect(loose(read.json()).client_hidden_metadata).toEqual(HIDDEN);

      const unknownObject = await server.app.inject({
        method: 'PUT',
        url: projectUrl(),
        headers: { ...server.managementHeaders(), 'content-type': 'application/json' },
        payload: { client_hidden_metadata: { campaign_secret: ['x'] } },
      });
      expect(unknownObject.statusCode).toBe(400);
      expect(loose(unknownObject.json())).toMatchObject({ key: 'invalid_payload' });

      const other = await server.createProject({ client_redeem_enabled: true });
      const replaced = await server.app.inject({
        method: 'PUT',
        url: `/management/v1/projects/${other.id}`,
        headers: { ...server.managementHeaders(), 'content-type': 'application/json' },
        payload: { client_hidden_metadata: { voucher: [' * ', '*'] } },
      });
      expect(replaced.statusCode).toBe(200);
      expect(loose(replaced.json()).client_hidden_metadata).toEqual({ voucher: ['*'] });
      await storeVoucher(server, { code: 'ALL-HIDDEN', metadata: { a: 1, b: 2 } }, other);
      const redemption = loose(await server.clientSdk(other).redeem('ALL-HIDDEN', {}));
      expect(redemption.voucher).toMatchObject({ code: 'ALL-HIDDEN', metadata: {} });
      const fresh = await server.createProject();
      expect((await server.store.projects.findById(fresh.id))?.settings.client_hidden_metadata).toEqual({});
    });
  });
});
