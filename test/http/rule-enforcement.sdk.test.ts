import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;

const cart = (amount: number) => ({
  amount,
  items: [
    { source_id: 'coffee', related_object: 'product' as const, quantity: 2, price: amount / 4 },
    { source_id: 'mug', related_object: 'product' as const, quantity: 1, price: amount / 2 },
  ],
});

describe.each(TEST_DATABASES)('validation rules enforced at validation and redemption on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const sdk = () => server.sdk();

  async function voucherWithRule(code: string, rule: Record<string, unknown>, quantity: number | null = null) {
    await sdk().vouchers.create({
      code,
      type: 'DISCOUNT_VOUCHER',
      discount: TENTH_OFF,
      ...(quantity === null ? {} : { redemption: { quantity } }),
    } as never);
    const created = loose(await sdk().validationRules.create({ name: `rule for ${code}`, ...rule } as never));
    await sdk().validationRules.createAssignment(created.id, { voucher: code });
    return created;
  }

  const redeemOutcome = (code: string, body: Record<string, unknown>) =>
    sdk()
      .redemptions.redeem(code, body as never)
      .then((redemption) => ({ ok: true as const, redemption: loose(redemption) }))
      .catch((error: unknown) => ({ ok: false as const, error: loose(error) }));

  it('refuses an order the rule does not allow, in the rule’s words, and prices one it allows', async () => {
    const rule = await voucherWithRule('BIG-ORDERS', {
      rules: {
        '1': { name: 'order.amount', conditions: { $more_than_equal: [10000] }, error: { message: 'Spend 100 first' } },
        logic: '1',
      },
    });
    const small = loose(await sdk().validations.validateVoucher('BIG-ORDERS', { order: cart(4000) }));
    expectConformsToSpec('post', '/v1/vouchers/{code}/validate', 200, small, 'legacy');
    expect(small).toMatchObject({
      valid: false,
      reason: 'order does not match validation rules',
      error: {
        code: 400,
        key: 'order_rules_violated',
        message: 'Spend 100 first',
        resource_id: rule.id,
        resource_type: 'validation_rule',
      },
    });
    const big = loose(await sdk().validations.validateVoucher('BIG-ORDERS', { order: cart(20000) }));
    expect(big).toMatchObject({ valid: true, order: { discount_amount: 2000, total_amount: 18000 } });

    const refused = await redeemOutcome('BIG-ORDERS', { order: cart(4000) });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 400, key: 'order_rules_violated', message: 'Spend 100 first' },
    });
    // The refusal is stored as a failed redemption and counts no use.
    const stored = await server.store.forProject(server.project.id).vouchers.findByCodeKey('BIG-ORDERS');
    expect(stored?.redeemed_quantity).toBe(0);
    expect(await redeemOutcome('BIG-ORDERS', { order: cart(20000) })).toMatchObject({ ok: true });
  });

  it('checks the customer and the redemption metadata the request brings', async () => {
    await voucherWithRule('VIP-ONLY', {
      rules: {
        '1': { name: 'customer.metadata', property: 'tier', conditions: { $is: ['vip'] } },
        '2': { name: 'redemption.metadata', property: 'channel', conditions: { $in: ['app', 'web'] } },
        logic: '1 and 2',
      },
      error: { message: 'For VIPs in the app' },
    });
    const regular = loose(
      await sdk().validations.validateVoucher('VIP-ONLY', {
        customer: { source_id: 'rule-regular', metadata: { tier: 'basic' } },
        metadata: { channel: 'app' },
      } as never),
    );
    expect(regular.error).toMatchObject({ key: 'customer_rules_violated', message: 'For VIPs in the app' });
    const wrongChannel = await redeemOutcome('VIP-ONLY', {
      customer: { source_id: 'rule-vip', metadata: { tier: 'vip' } },
      metadata: { channel: 'pos' },
    });
    expect(wrongChannel).toMatchObject({ ok: false, error: { key: 'redemption_rules_violated' } });
    const allowed = await redeemOutcome('VIP-ONLY', {
      customer: { source_id: 'rule-vip', metadata: { tier: 'vip' } },
      metadata: { channel: 'web' },
    });
    expect(allowed).toMatchObject({ ok: true });
  });

  it('applies the rules of a campaign to each of its vouchers', async () => {
    const campaign = loose(
      await sdk().campaigns.create({
        name: 'Ruled by campaign',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never),
    );
    const voucher = loose(await sdk().campaigns.addVoucher(campaign.id, {} as never));
    const rule = loose(
      await sdk().validationRules.create({
        name: 'campaign minimum',
        rules: { '1': { name: 'order.amount', conditions: { $more_than: [5000] } }, logic: '1' },
      } as never),
    );
    await sdk().validationRules.createAssignment(rule.id, { campaign: campaign.id });
    const refused = loose(await sdk().validations.validateVoucher(voucher.code, { order: cart(4000) }));
    expect(refused).toMatchObject({ valid: false, error: { key: 'order_rules_violated' } });
    expect(refused.error.message).toBe('order amount must be more than 50.00');
    const passed = loose(await sdk().validations.validateVoucher(voucher.code, { order: cart(8000) }));
    expect(passed.valid).toBe(true);
  });

  it('gives the discount only to the lines the rule’s applicable_to names', async () => {
    await voucherWithRule('MUGS-ONLY', {
      rules: { logic: '' },
      applicable_to: { included: [{ object: 'product', source_id: 'mug', id: 'mug' }] },
    });
    const result = loose(await sdk().validations.validateVoucher('MUGS-ONLY', { order: cart(20000) }));
    expect(result).toMatchObject({
      valid: true,
      applicable_to: { object: 'list', total: 1 },
      inapplicable_to: { object: 'list', total: 0 },
      // 10% of the mug line (10,000) only.
      order: { items_discount_amount: 1000, total_discount_amount: 1000, total_amount: 19000 },
    });
  });

  it('allows a customer at most the rule’s count of redemptions, and a rollback gives one back', async () => {
    await voucherWithRule('TWICE-EACH', {
      rules: {
        '1': { name: 'redemption.count.per_customer', conditions: { $less_than_or_equal: [2] } },
        logic: '1',
      },
    });
    const as = (customer: string) => ({ customer: { source_id: customer }, order: cart(20000) });
    const first = await redeemOutcome('TWICE-EACH', as('counted-1'));
    expect(first.ok).toBe(true);
    expect((await redeemOutcome('TWICE-EACH', as('counted-1'))).ok).toBe(true);
    expect(await redeemOutcome('TWICE-EACH', as('counted-1'))).toMatchObject({
      ok: false,
      error: { key: 'redemption_rules_violated' },
    });
    // Another customer has a count of their own.
    expect((await redeemOutcome('TWICE-EACH', as('counted-2'))).ok).toBe(true);
    const validation = loose(await sdk().validations.validateVoucher('TWICE-EACH', as('counted-1')));
    expect(validation.valid).toBe(false);
    if (!first.ok) throw new Error('first redemption failed');
    await sdk().redemptions.rollback(first.redemption.id);
    expect((await redeemOutcome('TWICE-EACH', as('counted-1'))).ok).toBe(true);
  });

  it('holds a per-customer limit under parallel redemptions: exactly the limit succeeds', async () => {
    await voucherWithRule('RACE-PER-CUSTOMER', {
      rules: {
        '1': { name: 'redemption.count.per_customer', conditions: { $less_than: [4] } },
        logic: '1',
      },
    });
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, () =>
        redeemOutcome('RACE-PER-CUSTOMER', { customer: { source_id: 'racer' }, order: cart(20000) }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(refused).toHaveLength(21);
    for (const outcome of refused) expect(outcome).toMatchObject({ error: { key: 'redemption_rules_violated' } });
  });

  it('holds a campaign-wide redemption budget across its vouchers under parallel redemptions', async () => {
    const campaign = loose(
      await sdk().campaigns.create({
        name: 'Budgeted',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never),
    );
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(loose(await sdk().campaigns.addVoucher(campaign.id, {} as never)).code);
    const rule = loose(
      await sdk().validationRules.create({
        name: 'five in all',
        rules: { '1': { name: 'campaign.redemptions.count', conditions: { $less_than_or_equal: [5] } }, logic: '1' },
      } as never),
    );
    await sdk().validationRules.createAssignment(rule.id, { campaign: campaign.id });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        redeemOutcome(codes[i % codes.length] as string, {
          customer: { source_id: `budget-${i}` },
          order: cart(20000),
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(5);
    const summary = loose(await sdk().campaigns.get(campaign.id));
    expect(summary.id).toBe(campaign.id);
  });

  it('counts today’s redemptions on the project’s clock', async () => {
    await voucherWithRule('DAILY-TWO', {
      rules: { '1': { name: 'redemption.count.daily', conditions: { $less_than_or_equal: [2] } }, logic: '1' },
    });
    expect((await redeemOutcome('DAILY-TWO', {})).ok).toBe(true);
    expect((await redeemOutcome('DAILY-TWO', {})).ok).toBe(true);
    expect(await redeemOutcome('DAILY-TWO', {})).toMatchObject({
      ok: false,
      error: { key: 'redemption_rules_violated' },
    });
  });

  it('sees a changed rule at once', async () => {
    const rule = await voucherWithRule('CHANGING', {
      rules: { '1': { name: 'order.amount', conditions: { $more_than: [50000] } }, logic: '1' },
    });
    expect(loose(await sdk().validations.validateVoucher('CHANGING', { order: cart(20000) })).valid).toBe(false);
    await sdk().validationRules.update({
      id: rule.id,
      rules: { '1': { name: 'order.amount', conditions: { $more_than: [10000] } }, logic: '1' },
    } as never);
    expect(loose(await sdk().validations.validateVoucher('CHANGING', { order: cart(20000) })).valid).toBe(true);
  });
  it('checks a cart against one rule on its own, storing nothing', async () => {
    const rule = loose(
      await sdk().validationRules.create({
        name: 'coffee lovers',
        rules: {
          '1': { name: 'order.items.any', conditions: { $is: [{ source_id: 'coffee', object: 'product' }] } },
          '2': { name: 'customer.metadata', property: 'tier', conditions: { $is: ['vip'] } },
          logic: '1 and 2',
        },
        applicable_to: { included: [{ object: 'product', source_id: 'coffee', id: 'coffee' }] },
      } as never),
    );
    const check = (body: Record<string, unknown>) =>
      fetch(`${server.url}/v1/validation-rules/${rule.id}/validation`, {
        method: 'POST',
        headers: { ...server.serverHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: loose(await response.json()) }));

    const passed = await check({
      order: cart(20000),
      customer: { source_id: 'checked-only', metadata: { tier: 'vip' } },
    });
    expect(passed).toMatchObject({
      status: 200,
      body: {
        valid: true,
        rule_id: rule.id,
        applicable_to: { total: 1, data: [{ source_id: 'coffee', order_item_indices: [0] }] },
        order: { amount: 20000 },
      },
    });
    const failed = await check({
      order: cart(20000),
      customer: { source_id: 'checked-only', metadata: { tier: 'basic' } },
    });
    expect(failed).toMatchObject({
      status: 200,
      body: {
        valid: false,
        error: { key: 'customer_rules_violated', resource_id: rule.id },
        failed_rules: [{ rule: '2', name: 'customer.metadata', key: 'customer_rules_violated' }],
      },
    });
    // Nothing was stored: not the customer, not the products of the cart.
    const store = server.store.forProject(server.project.id);
    expect(await store.customers.findBySourceId('checked-only')).toBeUndefined();
    expect((await check({})).status).toBe(200);
    expect(
      (
        await fetch(`${server.url}/v1/validation-rules/val_missing/validation`, {
          method: 'POST',
          headers: { ...server.serverHeaders(), 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(404);
  });
  it('lets in only the customers of a segment, as the segment changes', async () => {
    await sdk().customers.create({ source_id: 'seg-member', metadata: { plan: 'pro' } } as never);
    const segment = loose(
      await sdk().segments.create({
        name: 'Pro plan',
        type: 'auto-update',
        filter: { junction: 'and', 'metadata.plan': { conditions: { $is: ['pro'] } } },
      } as never),
    );
    await voucherWithRule('PRO-ONLY', {
      rules: { '1': { name: 'customer.segment', conditions: { $is: [segment.id] } }, logic: '1' },
    });
    const as = (plan: string) => ({ customer: { source_id: 'seg-member', metadata: { plan } }, order: cart(20000) });
    expect(loose(await sdk().validations.validateVoucher('PRO-ONLY', as('pro'))).valid).toBe(true);
    // The validation's own customer update moves them out of the segment before the rule reads it.
    const left = loose(await sdk().validations.validateVoucher('PRO-ONLY', as('free')));
    expect(left).toMatchObject({ valid: false, error: { key: 'customer_rules_violated' } });
    expect(await redeemOutcome('PRO-ONLY', as('pro'))).toMatchObject({ ok: true });
  });
  it('reaches the lines of a collection, static or kept by a filter, in rules and in applicable_to', async () => {
    const coffee = loose(
      await sdk().products.create({ source_id: 'coll-coffee', name: 'Coffee', price: 3000 } as never),
    );
    const mug = loose(
      await sdk().products.create({
        source_id: 'coll-mug',
        name: 'Mug',
        price: 8000,
        metadata: { kind: 'ware' },
      } as never),
    );
    const wares = loose(
      await sdk().productCollections.create({
        type: 'AUTO_UPDATE',
        name: 'Wares',
        filter: { junction: 'and', 'metadata.kind': { conditions: { $is: ['ware'] } } },
      } as never),
    );
    const picked = loose(
      await sdk().productCollections.create({
        type: 'STATIC',
        name: 'Picked',
        products: [{ id: coffee.id, object: 'product' }],
      }),
    );
    await voucherWithRule('WARES-ONLY', {
      rules: {
        '1': { name: 'order.items.any', conditions: { $is: [{ id: picked.id, object: 'products_collection' }] } },
        logic: '1',
      },
      applicable_to: { included: [{ object: 'products_collection', id: wares.id }] },
    });
    const line = (sourceId: string, price: number) => ({
      source_id: sourceId,
      related_object: 'product',
      quantity: 1,
      price,
    });
    const both = loose(
      await sdk().validations.validateVoucher('WARES-ONLY', {
        order: { items: [line('coll-coffee', 3000), line('coll-mug', 8000)] },
      } as never),
    );
    // The rule holds (coffee is picked); only the mug, a ware, gets 10%.
    expect(both).toMatchObject({
      valid: true,
      order: { items_discount_amount: 800, total_amount: 10200 },
      applicable_to: { total: 1, data: [{ id: wares.id, order_item_indices: [1] }] },
    });
    const mugOnly = loose(
      await sdk().validations.validateVoucher('WARES-ONLY', { order: { items: [line('coll-mug', 8000)] } } as never),
    );
    expect(mugOnly).toMatchObject({ valid: false, error: { key: 'order_rules_violated' } });
    expect(mug.id).toMatch(/^prod_/);
  });

  it('holds a campaign orders budget under parallel redemptions', async () => {
    const campaign = loose(
      await sdk().campaigns.create({
        name: 'Orders budget',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never),
    );
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(loose(await sdk().campaigns.addVoucher(campaign.id, {} as never)).code);
    const rule = loose(
      await sdk().validationRules.create({
        name: 'orders up to 1,000.00',
        rules: { '1': { name: 'campaign.orders.amount', conditions: { $less_than_or_equal: [100000] } }, logic: '1' },
      } as never),
    );
    await sdk().validationRules.createAssignment(rule.id, { campaign: campaign.id });
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) => redeemOutcome(codes[i % codes.length] as string, { order: cart(20000) })),
    );
    // Five orders of 200.00 fill the budget exactly.
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(5);
  });

  it('holds a daily limit under parallel redemptions', async () => {
    await voucherWithRule('DAILY-RACE', {
      rules: { '1': { name: 'redemption.count.daily', conditions: { $less_than: [4] } }, logic: '1' },
    });
    const outcomes = await Promise.all(Array.from({ length: 16 }, () => redeemOutcome('DAILY-RACE', {})));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
  });
  it('judges a storefront’s customer as stored, whatever metadata the storefront sends', async () => {
    const shop = await server.createProject({ client_redeem_enabled: true });
    const shopSdk = server.sdk(shop);
    await shopSdk.customers.create({ source_id: 'bob', metadata: { tier: 'basic' } } as never);
    await shopSdk.vouchers.create({ code: 'VIP-SHOP', type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF } as never);
    const rule = loose(
      await shopSdk.validationRules.create({
        name: 'VIPs',
        rules: { '1': { name: 'customer.metadata', property: 'tier', conditions: { $is: ['vip'] } }, logic: '1' },
      } as never),
    );
    await shopSdk.validationRules.createAssignment(rule.id, { voucher: 'VIP-SHOP' });
    const claimed = { customer: { source_id: 'bob', metadata: { tier: 'vip' } } };
    const redeemed = await server
      .clientSdk(shop)
      .redeem('VIP-SHOP', claimed as never)
      .then(() => 'redeemed')
      .catch((error: unknown) => loose(error).key);
    expect(redeemed).toBe('customer_rules_violated');
    const validated = loose(await server.clientSdk(shop).validate({ code: 'VIP-SHOP', ...claimed } as never));
    expect(validated.valid).toBe(false);
    expect(loose(await shopSdk.customers.get('bob')).metadata).toEqual({ tier: 'basic' });
  });
});
