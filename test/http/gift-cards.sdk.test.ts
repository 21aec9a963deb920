import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCounters } from '../../src/app/doctor/check-counters.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec, specViolations } from '../support/voucherify-spec.js';

const order = (amount: number) => ({
  amount,
  items: [{ source_id: 'gift-sku', related_object: 'product' as const, quantity: 1, price: amount }],
});

describe.each(TEST_DATABASES)('gift cards through the official SDK on $name', (database) => {
  let server: TestServer;
  let project: TestProject;
  let counter = 0;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
    project = server.project;
  });
  afterAll(() => server?.close());

  const sdk = () => server.sdk(project);
  const newCode = (prefix: string) => `${prefix}-${database.name}-${++counter}`;

  const raw = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: {
        ...server.serverHeaders(project),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, body: text.startsWith('{') ? loose(JSON.parse(text)) : ({} as Loose) };
  };

  const giftCard = async (amount: number, code = newCode('GIFT')) =>
    loose(await sdk().vouchers.create({ code, type: 'GIFT_VOUCHER', gift: { amount } } as never));

  const redeem = (code: string, body: Record<string, unknown>) => raw('POST', `/vouchers/${code}/redemption`, body);

  /** Every transaction of a card, through the SDK's cursor. */
  async function ledgerOf(code: string): Promise<Loose[]> {
    const all: Loose[] = [];
    let after: string | undefined;
    for (;;) {
      const page = loose(
        await sdk().vouchers.listTransactions(code, { limit: 100, ...(after ? { starting_after_id: after } : {}) }),
      );
      all.push(...page.data);
      if (!page.has_more) return all;
      after = page.more_starting_after;
    }
  }

  async function expectLedgerAddsUp(code: string, opening: number): Promise<number> {
    const voucher = loose(await sdk().vouchers.get(code));
    const ledger = await ledgerOf(code);
    const sum = ledger.reduce((total, t) => total + t.details.balance.amount, 0);
    expect(opening + sum).toBe(voucher.gift.balance);
    expect(voucher.gift.balance).toBeGreaterThanOrEqual(0);
    expect(voucher.gift.subtracted_amount).toBe(voucher.gift.amount - voucher.gift.balance);
    return voucher.gift.balance;
  }

  /** What `vouch doctor` reports of this card's balance against its ledger (other tests' cards aside). */
  async function giftDriftsOf(voucherId: string) {
    const check = (await checkCounters(server.store)).checks.find((c) => c.name === 'voucher.gift_balance');
    return (check?.drifts ?? []).filter((drift) => drift.id === voucherId);
  }

  it('creates a standalone gift card with its credits, and still refuses loyalty cards', async () => {
    const card = await giftCard(10000);
    expect(card.type).toBe('GIFT_VOUCHER');
    expect(card.discount).toBeUndefined();
    expect(card.gift).toEqual({ amount: 10000, subtracted_amount: 0, balance: 10000, effect: 'APPLY_TO_ORDER' });
    expectConformsToSpec('get', '/v1/vouchers/{code}', 200, loose(await sdk().vouchers.get(card.code)));

    const items = await giftCard(500);
    expect(items.gift.effect).toBe('APPLY_TO_ORDER');
    const loyalty = await raw('POST', '/vouchers', { type: 'LOYALTY_CARD', loyalty_card: { points: 10 } });
    expect(loyalty.status).toBe(403);
    expect(loyalty.body.details).toMatch(/LOYALTY_CARD/);
    for (const gift of [{ amount: 0 }, { amount: -5 }, { amount: 1.5 }, { amount: 100, effect: 'NOPE' }]) {
      const bad = await raw('POST', '/vouchers', { type: 'GIFT_VOUCHER', gift });
      expect(bad.status).toBe(400);
      expect(bad.body.key).toBe('invalid_payload');
    }
    const missing = await raw('POST', '/vouchers', { type: 'GIFT_VOUCHER' });
    expect(missing.status).toBe(400);
  });

  it('creates a GIFT_VOUCHERS campaign whose generated codes carry the template credits', async () => {
    const campaign = loose(
      await sdk().campaigns.create({
        name: newCode('Gift campaign'),
        campaign_type: 'GIFT_VOUCHERS',
        type: 'AUTO_UPDATE',
        vouchers_count: 3,
        voucher: { type: 'GIFT_VOUCHER', gift: { amount: 5000, effect: 'APPLY_TO_ITEMS' } },
      } as never),
    );
    expect(campaign.campaign_type).toBe('GIFT_VOUCHERS');
    expect(campaign.voucher.gift).toMatchObject({ amount: 5000, effect: 'APPLY_TO_ITEMS' });
    const listed = loose(await sdk().vouchers.list({ campaign_id: campaign.id } as never));
    expect(listed.vouchers).toHaveLength(3);
    for (const v of listed.vouchers) {
      expect(v.type).toBe('GIFT_VOUCHER');
      expect(v.gift).toEqual({ amount: 5000, subtracted_amount: 0, balance: 5000, effect: 'APPLY_TO_ITEMS' });
    }
    // A generated code spends over the order's lines (APPLY_TO_ITEMS) from its template's credits.
    const code = listed.vouchers[0].code;
    const redeemed = await redeem(code, { order: order(2000) });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.amount).toBe(2000);
    expect(redeemed.body.order.items_discount_amount).toBe(2000);
    expect(redeemed.body.voucher.gift.balance).toBe(3000);
    await expectLedgerAddsUp(code, 5000);

    const wrong = await raw('POST', '/campaigns', {
      name: newCode('wrong'),
      campaign_type: 'GIFT_VOUCHERS',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 } },
    });
    expect(wrong.status).toBe(400);
  });

  it('validates a gift card: credits it would use, the order discounted, refusals', async () => {
    const card = await giftCard(10000);
    const valid = loose(await sdk().validations.validateVoucher(card.code, { order: order(3000) } as never));
    expect(valid.valid).toBe(true);
    expect(valid.gift).toMatchObject({ amount: 10000, balance: 10000, credits: 3000 });
    expect(valid.order.discount_amount).toBe(3000);
    expect(valid.order.total_amount).toBe(0);

    const asked = loose(
      await sdk().validations.validateVoucher(card.code, { order: order(3000), gift: { credits: 1200 } } as never),
    );
    expect(asked.gift.credits).toBe(1200);
    expect(asked.order.total_amount).toBe(1800);

    const tooMuch = loose(
      await sdk().validations.validateVoucher(card.code, { order: order(30000), gift: { credits: 20000 } } as never),
    );
    expect(tooMuch.valid).toBe(false);
    expect(tooMuch.error.key).toBe('gift_amount_exceeded');

    await sdk().vouchers.balance.create(card.code, { amount: -10000 } as never);
    const empty = loose(await sdk().validations.validateVoucher(card.code, { order: order(3000) } as never));
    expect(empty.valid).toBe(false);
    expect(empty.error.key).toBe('gift_amount_exceeded');
    // Validation stores nothing.
    expect((await ledgerOf(card.code)).map((t) => t.type)).toEqual(['CREDITS_REMOVAL']);
  });

  it('validates a gift card from the client side, showing what it would pay', async () => {
    const card = await giftCard(4000);
    const client = server.clientSdk(project);
    const answer = loose(await client.validate({ code: card.code, amount: 2500 } as never));
    expect(answer.valid).toBe(true);
    expect(answer.gift).toMatchObject({ amount: 4000, balance: 4000, credits: 2500 });
    expect(answer.order.total_amount).toBe(0);
  });

  it('lets vouch doctor name a card whose ledger does not add up to its balance', async () => {
    const card = await giftCard(1000);
    await sdk().vouchers.balance.create(card.code, { amount: 500 } as never);
    expect(await giftDriftsOf(card.id)).toEqual([]);
    // A ledger row no counter moved with: what a read-add-write bug would leave behind.
    await server.store.forProject(project.id).giftCards.appendTransaction({
      id: `vtx_drift_${database.name}`,
      voucher_id: card.id,
      campaign_id: null,
      type: 'CREDITS_ADDITION',
      amount: 100,
      balance: 1600,
      total: 1600,
      source_id: null,
      source: 'API',
      reason: null,
      redemption_id: null,
      details: {},
      created_at: new Date().toISOString(),
    });
    expect(await giftDriftsOf(card.id)).toEqual([
      expect.objectContaining({ id: card.id, label: card.code, stored: 1500, counted: 1600 }),
    ]);
  });

  it('redeems credits, refuses more than the balance, and rolls back exactly what it spent', async () => {
    const card = loose(
      await sdk().vouchers.create({
        code: newCode('GIFT'),
        type: 'GIFT_VOUCHER',
        gift: { amount: 10000 },
        redemption: { quantity: 100 },
      } as never),
    );
    const first = loose(
      await sdk().redemptions.redeem(card.code, {
        gift: { credits: 2500 },
        customer: { source_id: 'gift-buyer', name: 'Buyer' },
        order: { source_id: newCode('order'), ...order(10000) },
      } as never),
    );
    expect(first.result).toBe('SUCCESS');
    expect(first.amount).toBe(2500);
    expect(first.gift).toEqual({ amount: 2500 });
    expect(first.order.discount_amount).toBe(2500);
    expect(first.order.total_amount).toBe(7500);
    expect(first.voucher.gift).toMatchObject({ amount: 10000, subtracted_amount: 2500, balance: 7500 });
    expectConformsToSpec('post', '/v1/vouchers/{code}/redemption', 200, first, 'legacy');

    // No credits asked: as much as the order has left.
    const second = loose(await sdk().redemptions.redeem(card.code, { order: order(1500) } as never));
    expect(second.amount).toBe(1500);
    expect(second.voucher.gift.balance).toBe(6000);

    const tooMuch = await redeem(card.code, { gift: { credits: 6001 }, order: order(10000) });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.key).toBe('gift_amount_exceeded');
    expect(tooMuch.body.resource_id).toMatch(/^rf_/);

    const rollback = loose(await sdk().redemptions.rollback(first.id, { reason: 'returned' }));
    expect(rollback.amount).toBe(-2500);
    expect(rollback.gift).toEqual({ amount: -2500 });
    const after = loose(await sdk().vouchers.get(card.code));
    expect(after.gift).toMatchObject({ amount: 10000, subtracted_amount: 1500, balance: 8500 });
    const again = await raw('POST', `/redemptions/${first.id}/rollback`, {});
    expect(again.body.key).toBe('already_rolled_back');

    const ledger = await ledgerOf(card.code);
    expect(ledger.map((t) => [t.type, t.details.balance.amount, t.details.balance.balance])).toEqual([
      ['CREDITS_REFUND', 2500, 8500],
      ['CREDITS_REDEMPTION', -1500, 6000],
      ['CREDITS_REDEMPTION', -2500, 7500],
    ]);
    expect(ledger[0]?.details.rollback.id).toBe(rollback.id);
    expect(ledger[2]?.details.redemption.id).toBe(first.id);
    await expectLedgerAddsUp(card.code, 10000);
    expectConformsToSpec('get', '/v1/vouchers/{code}/transactions', 200, {
      object: 'list',
      data_ref: 'data',
      data: ledger,
      has_more: false,
    });
  });

  it('adds and removes credits, never below zero, each a ledger row', async () => {
    const card = await giftCard(10000);
    const added = loose(
      await sdk().vouchers.balance.create(card.code, { amount: 5000, source_id: 'crm-1', reason: 'gift' } as never),
    );
    expect(added).toEqual({
      amount: 5000,
      total: 15000,
      balance: 15000,
      type: 'gift_voucher',
      operation_type: 'MANUAL',
      object: 'balance',
      related_object: { type: 'voucher', id: card.id },
    });
    expectConformsToSpec('post', '/v1/vouchers/{code}/balance', 200, added);

    const tooMuch = await raw('POST', `/vouchers/${card.code}/balance`, { amount: -15001 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.key).toBe('gift_amount_exceeded');
    const zero = await raw('POST', `/vouchers/${card.code}/balance`, { amount: 0 });
    expect(zero.status).toBe(400);
    const removed = loose(await sdk().vouchers.balance.create(card.code, { amount: -2000 } as never));
    expect(removed).toMatchObject({ amount: -2000, total: 13000, balance: 13000 });

    const discount = loose(
      await sdk().vouchers.create({ code: newCode('PLAIN'), discount: { type: 'AMOUNT', amount_off: 10 } } as never),
    );
    const notGift = await raw('POST', `/vouchers/${discount.code}/balance`, { amount: 100 });
    expect(notGift.status).toBe(400);
    expect(notGift.body.key).toBe('invalid_voucher');

    const ledger = await ledgerOf(card.code);
    expect(ledger.map((t) => [t.type, t.source_id, t.source, t.reason])).toEqual([
      ['CREDITS_REMOVAL', null, 'API', null],
      ['CREDITS_ADDITION', 'crm-1', 'API', 'gift'],
    ]);
    await expectLedgerAddsUp(card.code, 10000);
  });

  it('refuses a balance past the largest exact amount, and a page number the ledger does not take', async () => {
    const card = await giftCard(1000);
    const huge = await raw('POST', `/vouchers/${card.code}/balance`, { amount: Number.MAX_SAFE_INTEGER });
    expect(huge).toMatchObject({ status: 400, body: { key: 'invalid_payload' } });
    for (const page of ['abc', '0', '-1']) {
      const listed = await raw('GET', `/vouchers/${card.code}/transactions?page=${page}`);
      expect(listed).toMatchObject({ status: 400, body: { key: 'invalid_query_params' } });
    }
    await expectLedgerAddsUp(card.code, 1000);
  });

  it('rolls back a redemption of a card deleted for good, with nothing to refund', async () => {
    const card = await giftCard(1000);
    const redeemed = await redeem(card.code, { gift: { credits: 100 }, order: { amount: 1000 } });
    expect(redeemed.status).toBe(200);
    await sdk().vouchers.delete(card.code, { force: true });
    const rolledBack = await raw('POST', `/redemptions/${redeemed.body.id}/rollback`, {});
    expect(rolledBack).toMatchObject({ status: 200, body: { result: 'SUCCESS', amount: -100 } });
  });

  it('pages the ledger with a cursor and exports it as CSV', async () => {
    const card = await giftCard(1000);
    for (let i = 0; i < 5; i++) await sdk().vouchers.balance.create(card.code, { amount: 100 + i } as never);
    const page = loose(await sdk().vouchers.listTransactions(card.code, { limit: 2 } as never));
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    expect(page.more_starting_after).toBe(page.data[1].id);
    expect((await ledgerOf(card.code)).map((t) => t.details.balance.amount)).toEqual([104, 103, 102, 101, 100]);

    const exported = loose(
      await sdk().vouchers.exportTransactions(card.code, {
        parameters: { order: 'created_at', fields: ['id', 'type', 'amount', 'balance'] },
      } as never),
    );
    expect(exported).toMatchObject({ object: 'export', status: 'SCHEDULED', result: null });
    // The spec limits each `$in` id to one character (it means one item, as its own example's
    // 8-character id shows): that one mismatch is the spec's.
    const problems = specViolations('post', '/v1/vouchers/{code}/transactions/export', 200, exported).filter(
      (problem) => !problem.startsWith('/parameters/filters/voucher_id'),
    );
    expect(problems).toEqual([]);
    expect(exported.parameters.filters.voucher_id.conditions.$in).toEqual([card.id]);
    const done = await raw('GET', `/exports/${exported.id}`);
    expect(done.body.status).toBe('DONE');
    const url = new URL(done.body.result.url);
    const csv = await raw('GET', `${url.pathname.replace(/^\/v1/, '')}${url.search}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,type,amount,balance');
    expect(lines.slice(1).map((line) => line.split(',').slice(1))).toEqual([
      ['CREDITS_ADDITION', '100', '1100'],
      ['CREDITS_ADDITION', '101', '1201'],
      ['CREDITS_ADDITION', '102', '1303'],
      ['CREDITS_ADDITION', '103', '1406'],
      ['CREDITS_ADDITION', '104', '1510'],
    ]);
    const wrongToken = await raw('GET', `/exports/${exported.id}?token=nope`);
    expect(wrongToken.status).toBe(404);
  });

  it('50 parallel spends of 30.00 on a 1,000.00 card: exactly 33 succeed, 10.00 left, the ledger adds up', async () => {
    const card = await giftCard(100000);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => redeem(card.code, { gift: { credits: 3000 }, order: order(3000) })),
    );
    const succeeded = answers.filter((a) => a.status === 200);
    expect(succeeded).toHaveLength(33);
    for (const failed of answers.filter((a) => a.status !== 200)) {
      expect(failed.status).toBe(400);
      expect(failed.body.key).toBe('gift_amount_exceeded');
    }
    expect(await expectLedgerAddsUp(card.code, 100000)).toBe(1000);
    const ledger = await ledgerOf(card.code);
    expect(ledger).toHaveLength(33);
    expect(await giftDriftsOf(card.id)).toEqual([]);
  });

  it('parallel spends interleaved with rollbacks and top-ups never overdraw and keep the ledger exact', async () => {
    const card = await giftCard(10000);
    const earlier: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await redeem(card.code, { gift: { credits: 1000 }, order: order(1000) });
      earlier.push(r.body.id);
    }
    const work = [
      ...Array.from({ length: 20 }, () => redeem(card.code, { gift: { credits: 1000 }, order: order(1000) })),
      ...earlier.map((id) => raw('POST', `/redemptions/${id}/rollback`, {})),
      ...Array.from({ length: 3 }, () => raw('POST', `/vouchers/${card.code}/balance`, { amount: 1000 })),
    ];
    const answers = await Promise.all(work);
    const spends = answers.slice(0, 20);
    const successes = spends.filter((a) => a.status === 200).length;
    expect(answers.slice(20).every((a) => a.status === 200)).toBe(true);
    const balance = await expectLedgerAddsUp(card.code, 10000);
    // 10000 − 5×1000 + 5×1000 back + 3×1000 added, less what the parallel spends took.
    expect(balance).toBe(13000 - successes * 1000);
    expect(successes).toBeGreaterThanOrEqual(5);
    expect(await giftDriftsOf(card.id)).toEqual([]);
  });

  describe('in stacked requests', () => {
    /** A promotion tier taking 80.00 off the order, as in Voucherify's worked example. */
    async function tierOff(amount_off: number) {
      const campaign = loose(
        await sdk().promotions.create({
          name: newCode('Stack tier'),
          campaign_type: 'PROMOTION',
          promotion: {
            tiers: [{ name: 'Off', action: { discount: { type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' } } }],
          },
        } as never),
      );
      return campaign.promotion.tiers[0].id as string;
    }

    async function percentCoupon(percent_off: number) {
      return loose(
        await sdk().vouchers.create({
          code: newCode('PCT'),
          discount: { type: 'PERCENT', percent_off, effect: 'APPLY_TO_ORDER' },
        } as never),
      );
    }

    it("follows the docs' worked example: gift 1.00, then 20% of 1,999.00, then a tier of 80.00", async () => {
      const card = await giftCard(50000);
      const coupon = await percentCoupon(20);
      const tier = await tierOff(8000);
      const redeemables = [
        { object: 'voucher', id: card.code, gift: { credits: 100 } },
        { object: 'voucher', id: coupon.code },
        { object: 'promotion_tier', id: tier },
      ];
      const validation = loose(
        await sdk().validations.validateStackable({ redeemables, order: order(200000) } as never),
      );
      expect(validation.valid).toBe(true);
      expectConformsToSpec('post', '/v1/validations', 200, validation);
      const [gift, percent, offTier] = validation.redeemables;
      expect(gift.result).toEqual({ gift: { balance: 50000, credits: 100 } });
      expect(gift.order.discount_amount).toBe(100);
      expect(percent.order.discount_amount).toBe(100 + 39980);
      expect(offTier.order.discount_amount).toBe(100 + 39980 + 8000);
      expect(validation.order.total_amount).toBe(200000 - 48080);

      const redeemed = loose(await sdk().redemptions.redeemStackable({ redeemables, order: order(200000) } as never));
      expectConformsToSpec('post', '/v1/redemptions', 200, redeemed);
      const giftChild = redeemed.redemptions.find((r: Loose) => r.voucher?.code === card.code);
      expect(giftChild.amount).toBe(100);
      expect(giftChild.gift).toEqual({ amount: 100 });
      expect(giftChild.voucher.gift.balance).toBe(49900);
      expect(redeemed.order.discount_amount).toBe(48080);
      expect(await expectLedgerAddsUp(card.code, 50000)).toBe(49900);

      const rollback = loose(await sdk().redemptions.rollbackStackable(redeemed.parent_redemption.id, {} as never));
      expect(rollback.rollbacks.find((r: Loose) => r.voucher?.code === card.code).amount).toBe(-100);
      expect(await expectLedgerAddsUp(card.code, 50000)).toBe(50000);
      expect((await ledgerOf(card.code)).map((t) => t.type)).toEqual(['CREDITS_REFUND', 'CREDITS_REDEMPTION']);
    });

    it('a coupon then a gift card: the card pays what the coupon left, up to its balance', async () => {
      const card = await giftCard(5000);
      const coupon = await percentCoupon(50);
      const redeemed = loose(
        await sdk().redemptions.redeemStackable({
          redeemables: [
            { object: 'voucher', id: coupon.code },
            { object: 'voucher', id: card.code },
          ],
          order: order(8000),
        } as never),
      );
      // 50% of 80.00 leaves 40.00, which the card (50.00) pays in full.
      expect(redeemed.order.discount_amount).toBe(8000);
      expect(redeemed.order.total_amount).toBe(0);
      const giftChild = redeemed.redemptions.find((r: Loose) => r.voucher?.code === card.code);
      expect(giftChild.amount).toBe(4000);
      expect(await expectLedgerAddsUp(card.code, 5000)).toBe(1000);

      const tooMuch = await raw('POST', '/redemptions', {
        redeemables: [
          { object: 'voucher', id: coupon.code },
          { object: 'voucher', id: card.code, gift: { credits: 1001 } },
        ],
        order: order(8000),
      });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.key).toBe('gift_amount_exceeded');
      expect(await expectLedgerAddsUp(card.code, 5000)).toBe(1000);
    });

    it('parallel stacked spends of one card never overdraw it', async () => {
      const card = await giftCard(10000);
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          raw('POST', '/redemptions', {
            redeemables: [{ object: 'voucher', id: card.code, gift: { credits: 1000 } }],
            order: order(1000),
          }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
      expect(await expectLedgerAddsUp(card.code, 10000)).toBe(0);
    });
  });
});
