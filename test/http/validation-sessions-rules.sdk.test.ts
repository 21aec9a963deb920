import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;

const cart = (amount: number) => ({
  amount,
  items: [{ source_id: 'ruled-sku', related_object: 'product', quantity: 1, price: amount }],
});

/** A reserved use counts against every limit a counting rule sets, as a redemption would. */
describe.each(TEST_DATABASES)('validation sessions against counting rules on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const rule = async (project: TestProject, name: string, conditions: Record<string, unknown>) =>
    loose(
      await server.sdk(project).validationRules.create({
        name: `${name} ${JSON.stringify(conditions)}`,
        rules: { '1': { name, conditions }, logic: '1' },
      } as never),
    );

  const voucherWithRule = async (project: TestProject, code: string, ruleId: string) => {
    await server.sdk(project).vouchers.create({ code, type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF } as never);
    await server.sdk(project).validationRules.createAssignment(ruleId, { voucher: code });
  };

  const campaignWithRule = async (project: TestProject, name: string, ruleId: string, vouchers: number) => {
    const sdk = server.sdk(project);
    const campaign = loose(
      await sdk.campaigns.create({
        name,
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never),
    );
    const codes: string[] = [];
    for (let i = 0; i < vouchers; i++) codes.push(loose(await sdk.campaigns.addVoucher(campaign.id, {} as never)).code);
    await sdk.validationRules.createAssignment(ruleId, { campaign: campaign.id });
    return codes;
  };

  const validate = (project: TestProject, code: string, body: Record<string, unknown>) =>
    server
      .sdk(project)
      .validations.validateVoucher(code, body as never)
      .then(loose);

  const redeem = (project: TestProject, code: string, body: Record<string, unknown>) =>
    server
      .sdk(project)
      .redemptions.redeem(code, body as never)
      .then(() => 'ok')
      .catch((error: unknown) => loose(error).key as string);

  it('a per-customer limit: parallel sessions of one customer reserve only what the limit leaves', async () => {
    const project = await server.createProject();
    const once = await rule(project, 'redemption.count.per_customer', { $less_than_or_equal: [2] });
    await voucherWithRule(project, 'TWICE-A-CUSTOMER', once.id);
    const as = (customer: string, key?: string) => ({
      customer: { source_id: customer },
      order: cart(20000),
      ...(key ? { session: { type: 'LOCK', key } } : {}),
    });
    expect(await redeem(project, 'TWICE-A-CUSTOMER', as('ann'))).toBe('ok');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => validate(project, 'TWICE-A-CUSTOMER', as('ann', `ann-${i}`))),
    );
    const held = answers.filter((answer: Loose) => answer.valid);
    expect(held).toHaveLength(1);
    for (const answer of answers.filter((a: Loose) => !a.valid)) {
      expect(answer.error.key).toBe('redemption_rules_violated');
    }
    const key = held[0]?.session.key as string;

    // The reservation is as good as a use: Ann's plain validation and redemption find her limit reached,
    // another customer's count is their own, and Ann's session redeems what it reserved.
    expect((await validate(project, 'TWICE-A-CUSTOMER', as('ann'))).valid).toBe(false);
    expect(await redeem(project, 'TWICE-A-CUSTOMER', as('ann'))).toBe('redemption_rules_violated');
    expect((await validate(project, 'TWICE-A-CUSTOMER', as('bob', 'bob-1'))).valid).toBe(true);
    expect(await redeem(project, 'TWICE-A-CUSTOMER', { ...as('ann'), session: { key } })).toBe('ok');
    expect(await redeem(project, 'TWICE-A-CUSTOMER', { ...as('ann'), session: { key } })).toBe(
      'redemption_rules_violated',
    );
  });

  it("a campaign's redemption budget: parallel sessions across its vouchers reserve exactly what is left", async () => {
    const project = await server.createProject();
    const budget = await rule(project, 'campaign.redemptions.count', { $less_than_or_equal: [4] });
    const codes = await campaignWithRule(project, 'Budget of four', budget.id, 6);
    expect(await redeem(project, codes[0] as string, { order: cart(20000) })).toBe('ok');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        validate(project, codes[i % codes.length] as string, {
          customer: { source_id: `shopper-${i}` },
          order: cart(20000),
          session: { type: 'LOCK', key: `budget-${i}` },
        }),
      ),
    );
    const held = answers.filter((answer: Loose) => answer.valid);
    expect(held).toHaveLength(3);
    expect(await redeem(project, codes[5] as string, { order: cart(20000) })).toBe('redemption_rules_violated');

    // Ending one session frees its place in the budget at once.
    const index = answers.indexOf(held[0] as Loose);
    await server
      .sdk(project)
      .vouchers.releaseValidationSession(codes[index % codes.length] as string, `budget-${index}`);
    expect(await redeem(project, codes[5] as string, { order: cart(20000) })).toBe('ok');
    expect(await redeem(project, codes[4] as string, { order: cart(20000) })).toBe('redemption_rules_violated');

    // A voucher deleted takes its reservations with it: they no longer hold a place in the budget.
    const deleted = codes[answers.indexOf(held[1] as Loose) % codes.length] as string;
    await server.sdk(project).vouchers.delete(deleted, { force: true });
    const remaining = codes.find((code) => code !== deleted) as string;
    expect(await redeem(project, remaining, { order: cart(20000) })).toBe('ok');
  });

  it("a campaign's order-amount budget counts the reserved orders' amounts", async () => {
    const project = await server.createProject();
    const budget = await rule(project, 'campaign.orders.amount', { $less_than_or_equal: [50000] });
    const codes = await campaignWithRule(project, 'Five hundred in orders', budget.id, 4);
    const answers = await Promise.all(
      codes.map((code, i) =>
        validate(project, code, { order: cart(20000), session: { type: 'LOCK', key: `amt-${i}` } }),
      ),
    );
    // 20000 + 20000 fit under 50000; a third order of 20000 would not.
    expect(answers.filter((answer: Loose) => answer.valid)).toHaveLength(2);
    expect((await validate(project, codes[0] as string, { order: cart(10000) })).valid).toBe(true);
  });

  it('a daily limit holds for parallel stacked validations with sessions', async () => {
    const project = await server.createProject();
    const daily = await rule(project, 'redemption.count.daily', { $less_than_or_equal: [2] });
    await voucherWithRule(project, 'TWO-A-DAY', daily.id);
    await server
      .sdk(project)
      .vouchers.create({ code: 'PLENTY', type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF } as never);
    const stack = (key: string) =>
      server
        .sdk(project)
        .validations.validateStackable({
          redeemables: [
            { object: 'voucher', id: 'TWO-A-DAY' },
            { object: 'voucher', id: 'PLENTY' },
          ],
          order: cart(20000),
          session: { type: 'LOCK', key },
        } as never)
        .then(loose);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => stack(`day-${i}`)));
    const held = answers.filter((answer: Loose) => answer.valid);
    expect(held).toHaveLength(2);
    for (const answer of answers.filter((a: Loose) => !a.valid)) {
      expect(answer.inapplicable_redeemables[0]).toMatchObject({
        id: 'TWO-A-DAY',
        result: { error: { key: 'redemption_rules_violated' } },
      });
    }
    expect(await redeem(project, 'TWO-A-DAY', { order: cart(20000) })).toBe('redemption_rules_violated');
    const key = held[0]?.session.key as string;
    const redeemed = loose(
      await server.sdk(project).redemptions.redeemStackable({
        redeemables: [
          { object: 'voucher', id: 'TWO-A-DAY' },
          { object: 'voucher', id: 'PLENTY' },
        ],
        order: cart(20000),
        session: { key },
      } as never),
    );
    expect(redeemed.parent_redemption.result).toBe('SUCCESS');
  });

  it("a gift card's credits a session holds are no one else's to spend", async () => {
    const project = await server.createProject();
    await server
      .sdk(project)
      .vouchers.create({ code: 'CARD-100', type: 'GIFT_VOUCHER', gift: { amount: 10000 } } as never);
    const spend = (credits: number, session?: Record<string, unknown>) => ({
      order: cart(20000),
      gift: { credits },
      ...(session ? { session } : {}),
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        validate(project, 'CARD-100', spend(2500, { type: 'LOCK', key: `card-${i}` })),
      ),
    );
    const held = answers.filter((answer: Loose) => answer.valid);
    expect(held).toHaveLength(4);
    for (const answer of answers.filter((a: Loose) => !a.valid)) expect(answer.error.key).toBe('gift_amount_exceeded');

    // Every credit is held: a plain spend of any of them is refused, until a session lets go.
    expect(await redeem(project, 'CARD-100', spend(100))).toBe('gift_amount_exceeded');
    const [first, second] = held.map((answer: Loose) => answer.session.key as string);
    await server.sdk(project).vouchers.releaseValidationSession('CARD-100', second as string);
    expect(await redeem(project, 'CARD-100', spend(2500))).toBe('ok');
    expect(await redeem(project, 'CARD-100', spend(100))).toBe('gift_amount_exceeded');
    expect(await redeem(project, 'CARD-100', spend(2500, { key: first }))).toBe('ok');
    const card = loose(await server.sdk(project).vouchers.get('CARD-100'));
    expect(card.gift).toMatchObject({ amount: 10000, balance: 5000 });
  });

  it('sessions and plain spends racing for the same credits: every credit a session holds stays spendable by it', async () => {
    const project = await server.createProject();
    for (let round = 0; round < 6; round++) {
      const code = `CARD-RACE-${round}`;
      await server.sdk(project).vouchers.create({ code, type: 'GIFT_VOUCHER', gift: { amount: 10000 } } as never);
      const body = (key?: string) => ({
        order: cart(20000),
        gift: { credits: 2500 },
        ...(key ? { session: { type: 'LOCK', key } } : {}),
      });
      const [sessions, spends] = await Promise.all([
        Promise.all(Array.from({ length: 4 }, (_, i) => validate(project, code, body(`${code}-${i}`)))),
        Promise.all(Array.from({ length: 4 }, () => redeem(project, code, body()))),
      ]);
      const held = sessions.filter((answer: Loose) => answer.valid);
      expect(held.length + spends.filter((outcome) => outcome === 'ok').length).toBe(4);
      for (const answer of held) {
        expect(await redeem(project, code, { ...body(), session: { key: answer.session.key } })).toBe('ok');
      }
    }
  });

  it("a stacked session holds a gift card's credits too", async () => {
    const project = await server.createProject();
    await server
      .sdk(project)
      .vouchers.create({ code: 'CARD-50', type: 'GIFT_VOUCHER', gift: { amount: 5000 } } as never);
    const stack = (key: string) =>
      server
        .sdk(project)
        .validations.validateStackable({
          redeemables: [{ object: 'voucher', id: 'CARD-50', gift: { credits: 2000 } }],
          order: cart(20000),
          session: { type: 'LOCK', key },
        } as never)
        .then(loose);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => stack(`stacked-card-${i}`)));
    expect(answers.filter((answer: Loose) => answer.valid)).toHaveLength(2);
    expect(await redeem(project, 'CARD-50', { order: cart(20000), gift: { credits: 1001 } })).toBe(
      'gift_amount_exceeded',
    );
    expect(await redeem(project, 'CARD-50', { order: cart(20000), gift: { credits: 1000 } })).toBe('ok');
  });
});
