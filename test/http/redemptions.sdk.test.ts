import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storeVoucher } from '../support/voucher-fixtures.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const cart = {
  amount: 20000,
  items: [
    { source_id: 'shirt', related_object: 'product' as const, quantity: 2, price: 5000 },
    { source_id: 'hat', related_object: 'product' as const, quantity: 1, price: 10000 },
  ],
};

describe.each(TEST_DATABASES)('validation, redemption and rollback through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('writes one outbox event with each redemption, refusal and rollback, in its transaction', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await sdk.vouchers.create({
      code: 'EVENTFUL',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 100 },
      redemption: { quantity: 1 },
    } as never);
    const redemption = loose(await sdk.redemptions.redeem('EVENTFUL', { order: cart } as never));
    const refusal = loose(await sdk.redemptions.redeem('EVENTFUL', { order: cart } as never).catch((error) => error));
    const rollback = loose(await sdk.redemptions.rollback(redemption.id));
    const events = await server.store.forProject(project.id).outbox.listPending(100);
    const redemptionEvents = events.filter((event) => event.type.startsWith('redemption.'));
    expect(redemptionEvents.map((event) => [event.type, event.payload])).toEqual([
      ['redemption.succeeded', { object: 'redemption', id: redemption.id }],
      ['redemption.failed', { object: 'redemption', id: refusal.resource_id }],
      ['redemption.rollback.succeeded', { object: 'redemption_rollback', id: rollback.id }],
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('validates a code against a cart and says what it gives', async () => {
    await storeVoucher(server, { code: 'TEN-OFF', discount: { type: 'AMOUNT', amount_off: 1000 } });
    const result = loose(
      await server.sdk().validations.validateVoucher('TEN-OFF', { order: cart, customer: { source_id: 'val-1' } }),
    );
    expectConformsToSpec('post', '/v1/vouchers/{code}/validate', 200, result, 'legacy');
    expect(result).toMatchObject({
      valid: true,
      code: 'TEN-OFF',
      discount: { type: 'AMOUNT', amount_off: 1000 },
      order: {
        amount: 20000,
        discount_amount: 1000,
        total_discount_amount: 1000,
        total_amount: 19000,
        applied_discount_amount: 1000,
      },
      applicable_to: { object: 'list', total: 0 },
    });
    expect(result.tracking_id).toMatch(/^track_/);
    // A validation counts nothing.
    const voucher = await server.store.forProject(server.project.id).vouchers.findByCodeKey('TEN-OFF');
    expect(voucher?.redeemed_quantity).toBe(0);
  });

  it.each([
    ['voucher_disabled', 'voucher is disabled', { active: false }],
    ['voucher_not_active', 'voucher not active yet', { start_date: '2999-01-01T00:00:00.000Z' }],
    ['voucher_expired', 'voucher expired', { expiration_date: '2000-01-01T00:00:00.000Z' }],
    ['quantity_exceeded', 'quantity exceeded', { redemption_quantity: 1, redeemed_quantity: 1 }],
  ] as const)('answers valid: false with %s', async (key, message, overrides) => {
    const code = `REFUSED-${key}`;
    await storeVoucher(server, { code, ...overrides });
    const result = loose(await server.sdk().validations.validateVoucher(code, { order: cart }));
    expect(result).toMatchObject({
      valid: false,
      code,
      reason: message,
      error: { code: 400, key, message, details: code },
    });
    expect(result.error.request_id).toMatch(/^v-/);
  });

  it('answers 404 for a code that does not exist', async () => {
    await expect(server.sdk().validations.validateVoucher('NO-SUCH-CODE', {})).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      details: 'Cannot find voucher with id NO-SUCH-CODE',
    });
  });

  it('redeems: counts the use, stores the customer, the order and the redemption, and rolls back once', async () => {
    const sdk = server.sdk();
    await storeVoucher(server, {
      code: 'PCT-20',
      discount: { type: 'PERCENT', percent_off: 20 },
      redemption_quantity: 5,
    });
    const redemption = loose(
      await sdk.redemptions.redeem('PCT-20', {
        customer: { source_id: 'buyer-1', name: 'Buyer' },
        order: { source_id: 'order-r1', ...cart },
        metadata: { channel: 'web' },
      } as never),
    );
    expectConformsToSpec('post', '/v1/vouchers/{code}/redemption', 200, redemption, 'legacy');
    expect(redemption).toMatchObject({
      object: 'redemption',
      result: 'SUCCESS',
      status: 'SUCCEEDED',
      metadata: { channel: 'web' },
      related_object_type: 'voucher',
      voucher: { code: 'PCT-20', redemption: { quantity: 5, redeemed_quantity: 1 } },
      order: { source_id: 'order-r1', amount: 20000, discount_amount: 4000, total_amount: 16000 },
      customer: { source_id: 'buyer-1', name: 'Buyer', object: 'customer' },
      channel: { channel_type: 'API' },
    });
    expect(redemption.id).toMatch(/^r_/);
    expect(redemption.order.redemptions[redemption.id]).toMatchObject({ related_object_type: 'voucher' });

    const order = loose(await sdk.orders.get('order-r1'));
    expect(order).toMatchObject({ amount: 20000, discount_amount: 4000, total_amount: 16000 });
    expect(order.customer_id).toBe(redemption.customer_id);

    const fetched = loose(await sdk.redemptions.get(redemption.id));
    expect(fetched).toEqual(redemption);
    const entries = loose(await sdk.redemptions.getForVoucher('PCT-20'));
    expect(entries).toMatchObject({ quantity: 5, redeemed_quantity: 1, data_ref: 'redemption_entries', total: 1 });

    const rollback = loose(await sdk.redemptions.rollback(redemption.id, { reason: 'returned' }));
    expect(rollback).toMatchObject({
      object: 'redemption_rollback',
      redemption: redemption.id,
      reason: 'returned',
      result: 'SUCCESS',
      status: 'SUCCEEDED',
    });
    expect(rollback.id).toMatch(/^rr_/);
    expect(loose(await sdk.redemptions.get(redemption.id))).toMatchObject({
      status: 'ROLLED_BACK',
      related_redemptions: { rollbacks: [{ id: rollback.id }] },
    });
    expect((await server.store.forProject(server.project.id).vouchers.findByCodeKey('PCT-20'))?.redeemed_quantity).toBe(
      0,
    );
    await expect(sdk.redemptions.rollback(redemption.id)).rejects.toMatchObject({
      code: 400,
      key: 'already_rolled_back',
    });
  });

  it('stores a refused redemption and answers 400 naming it', async () => {
    const sdk = server.sdk();
    await storeVoucher(server, { code: 'OLD', expiration_date: '2001-01-01T00:00:00.000Z' });
    const error = loose(await sdk.redemptions.redeem('OLD', { order: cart }).catch((e: unknown) => e));
    expect(error).toMatchObject({
      code: 400,
      key: 'voucher_expired',
      message: 'voucher expired',
      details: 'OLD',
      resource_type: 'redemption',
    });
    expect(error.resource_id).toMatch(/^rf_/);
    const failed = loose(await sdk.redemptions.get(error.resource_id));
    expect(failed).toMatchObject({ result: 'FAILURE', status: 'FAILED', failure_code: 'voucher_expired' });
    const list = loose(await sdk.redemptions.list({ result: 'FAILURE' } as never));
    expect(list.redemptions.map((r: { id: string }) => r.id)).toContain(error.resource_id);
    await expect(sdk.redemptions.rollback(error.resource_id)).rejects.toMatchObject({
      code: 400,
      key: 'invalid_redemption',
    });
  });

  it('answers a retried redemption with an Idempotency-Key as the first time, counting once', async () => {
    await storeVoucher(server, { code: 'ONCE', redemption_quantity: 3 });
    const headers = { ...server.serverHeaders(), 'content-type': 'application/json', 'idempotency-key': 'retry-1' };
    const send = () =>
      fetch(`${server.url}/v1/vouchers/ONCE/redemption`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ order: cart }),
      });
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    const bodies = await Promise.all([first.json(), second.json(), third.json()]);
    expect(bodies.map((b) => (b as { id: string }).id)).toEqual(Array(3).fill((bodies[0] as { id: string }).id));
    expect((await server.store.forProject(server.project.id).vouchers.findByCodeKey('ONCE'))?.redeemed_quantity).toBe(
      1,
    );
    const reused = await fetch(`${server.url}/v1/vouchers/ONCE/redemption`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ order: { amount: 1 } }),
    });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ key: 'idempotency_key_reused' });
  });

  it('answers a retried rollback with an Idempotency-Key with the first rollback', async () => {
    await storeVoucher(server, { code: 'UNDO-ONCE', redemption_quantity: 2 });
    const redemption = loose(await server.sdk().redemptions.redeem('UNDO-ONCE', {}));
    const headers = { ...server.serverHeaders(), 'content-type': 'application/json', 'idempotency-key': 'undo-1' };
    const send = () =>
      fetch(`${server.url}/v1/redemptions/${redemption.id}/rollback?reason=retry`, {
        method: 'POST',
        headers,
        body: '{}',
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect(
      (await server.store.forProject(server.project.id).vouchers.findByCodeKey('UNDO-ONCE'))?.redeemed_quantity,
    ).toBe(0);
  });

  it('gives exactly 50 of 200 parallel redemptions of a 50-use voucher', async () => {
    await storeVoucher(server, { code: 'RUSH', redemption_quantity: 50 });
    const sdk = server.sdk();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        sdk.redemptions.redeem('RUSH', {}).then(
          () => 'ok',
          (e: { key?: string }) => e.key ?? 'error',
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'quantity_exceeded')).toHaveLength(150);
    expect((await server.store.forProject(server.project.id).vouchers.findByCodeKey('RUSH'))?.redeemed_quantity).toBe(
      50,
    );
  });

  it('never over-redeems while rollbacks interleave with parallel redemptions', async () => {
    await storeVoucher(server, { code: 'CHURN', redemption_quantity: 20 });
    const sdk = server.sdk();
    let rolledBack = 0;
    const attempts = Array.from({ length: 120 }, async (_, i) => {
      const redemption = loose(await sdk.redemptions.redeem('CHURN', {}).catch(() => null));
      if (redemption && i % 3 === 0) {
        await sdk.redemptions.rollback(redemption.id);
        rolledBack += 1;
      }
      return redemption ? 1 : 0;
    });
    const successes = (await Promise.all(attempts)).reduce((a: number, b) => a + b, 0);
    const redeemed = (await server.store.forProject(server.project.id).vouchers.findByCodeKey('CHURN'))
      ?.redeemed_quantity;
    expect(redeemed).toBe(successes - rolledBack);
    expect(redeemed).toBeLessThanOrEqual(20);
    expect(successes).toBeGreaterThanOrEqual(20);
    const standing = loose(
      await sdk.redemptions.list({ limit: 100, status: 'SUCCEEDED', object: 'redemption' } as never),
    );
    expect(
      standing.redemptions.filter((r: { voucher?: { code: string } }) => r.voucher?.code === 'CHURN'),
    ).toHaveLength(redeemed as number);
  });

  it('validates and redeems from a storefront where the project allows it', async () => {
    const shop = await server.createProject({ client_redeem_enabled: true });
    await storeVoucher(server, { code: 'STORE-5', discount: { type: 'AMOUNT', amount_off: 500 } }, shop);
    const client = server.clientSdk(shop);
    const validation = loose(
      await client.validate({ code: 'STORE-5', amount: 3000, customer: { source_id: 'shopper' } }),
    );
    expect(validation).toMatchObject({ valid: true, code: 'STORE-5', order: { amount: 3000, total_amount: 2500 } });
    const redemption = loose(
      await client.redeem('STORE-5', { customer: { source_id: 'shopper' }, order: { amount: 3000 } }),
    );
    expect(redemption).toMatchObject({ result: 'SUCCESS', order: { total_amount: 2500 } });
    await storeVoucher(server, { code: 'CLOSED' });
    await expect(server.clientSdk().redeem('CLOSED', {})).rejects.toMatchObject({ code: 403 });
  });
});
