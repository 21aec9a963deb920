import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const cart = (amount: number, metadata: Record<string, unknown> = {}) => ({
  amount,
  metadata,
  items: [{ source_id: 'q-sku', related_object: 'product' as const, quantity: 1, price: amount }],
});

describe.each(TEST_DATABASES)('qualifications through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  const minimumRule = async (project: TestProject, minimum: number) =>
    loose(
      await server.sdk(project).validationRules.create({
        name: `at least ${minimum}`,
        rules: { '1': { name: 'order.amount', conditions: { $more_than_equal: [minimum] } }, logic: '1' },
      } as never),
    );

  /** A promotion with a 5.00-off tier for everyone and a 10.00-off tier from a 100.00 cart. */
  async function promotion(project: TestProject) {
    const atLeast100 = await minimumRule(project, 10000);
    const campaign = loose(
      await server.sdk(project).promotions.create({
        name: 'Qualifying promotion',
        campaign_type: 'PROMOTION',
        promotion: {
          tiers: [
            {
              name: 'Everyone',
              banner: '5 off',
              action: { discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' } },
            },
            {
              name: 'Free shipping',
              action: { discount: { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ORDER' } },
              validation_rules: [atLeast100.id],
            },
          ],
        },
      } as never),
    );
    return { campaign, tiers: campaign.promotion.tiers as Loose[] };
  }

  /** A code held by the customer: publications that set holders come later, so the store sets it. */
  async function heldVoucher(project: TestProject, code: string, holderId: string, discount: Record<string, unknown>) {
    await server.sdk(project).vouchers.create({ code, type: 'DISCOUNT_VOUCHER', discount } as never);
    const vouchers = server.store.forProject(project.id).vouchers;
    const stored = await vouchers.findById(loose(await server.sdk(project).vouchers.get(code)).id);
    if (!stored) throw new Error(`voucher ${code} not stored`);
    await vouchers.update({ ...stored, holder_id: holderId });
  }

  async function shopper(project: TestProject, sourceId: string) {
    return loose(await server.sdk(project).customers.create({ source_id: sourceId }));
  }

  /** Wallet: 20% (19.60 on 98.00) and 3.00 off; tiers: 5.00 for everyone, 10.00 from 100.00. */
  async function walletAndPromotion(project: TestProject) {
    const customer = await shopper(project, 'q-shopper');
    const promo = await promotion(project);
    await heldVoucher(project, 'Q-PERCENT', customer.id, { type: 'PERCENT', percent_off: 20 });
    await heldVoucher(project, 'Q-AMOUNT', customer.id, { type: 'AMOUNT', amount_off: 300 });
    await server.sdk(project).vouchers.create({
      code: 'Q-NOT-HELD',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 9000 },
    } as never);
    return { customer, ...promo };
  }

  const qualify = async (project: TestProject, body: Record<string, unknown>) => {
    const answer = loose(await server.sdk(project).qualifications.checkEligibility(body as never));
    expectConformsToSpec('post', '/v1/qualifications', 200, answer);
    return answer;
  };
  const ids = (answer: Loose) => answer.redeemables.data.map((r: Loose) => r.id);

  it('lists the codes the customer holds and the tiers usable now, each with what it alone takes off the cart', async () => {
    const project = await server.createProject();
    const { tiers, campaign } = await walletAndPromotion(project);
    const answer = await qualify(project, {
      customer: { source_id: 'q-shopper' },
      order: cart(9800),
      options: { limit: 10, expand: ['redeemable'] },
    });
    // DEFAULT: newest first. The 10.00 tier needs 100.00 and the code nobody holds is not listed.
    expect(ids(answer)).toEqual(['Q-AMOUNT', 'Q-PERCENT', tiers[0]?.id]);
    expect(answer.redeemables).toMatchObject({ object: 'list', data_ref: 'data', total: 3, has_more: false });
    expect(answer.tracking_id).toMatch(/^track_/);
    const [amount, percent, tier] = answer.redeemables.data;
    expect(percent).toMatchObject({
      object: 'voucher',
      result: { discount: { type: 'PERCENT', percent_off: 20 } },
      order: { amount: 9800, total_discount_amount: 1960, total_amount: 7840, total_applied_discount_amount: 1960 },
    });
    expect(amount.order.total_applied_discount_amount).toBe(300);
    expect(tier).toMatchObject({
      object: 'promotion_tier',
      name: 'Everyone',
      banner: '5 off',
      campaign_id: campaign.id,
      campaign_name: 'Qualifying promotion',
      result: { discount: { type: 'AMOUNT', amount_off: 500 } },
      order: { total_applied_discount_amount: 500 },
    });
    expect(answer.stacking_rules).toMatchObject({ redeemables_limit: 30 });
  });

  it('sorts by the deal on this cart: BEST_DEAL largest first, LEAST_DEAL smallest first', async () => {
    const project = await server.createProject();
    const { tiers } = await walletAndPromotion(project);
    const body = { customer: { source_id: 'q-shopper' }, order: cart(9800) };
    const best = await qualify(project, { ...body, options: { sorting_rule: 'BEST_DEAL' } });
    expect(ids(best)).toEqual(['Q-PERCENT', tiers[0]?.id, 'Q-AMOUNT']);
    const least = await qualify(project, { ...body, options: { sorting_rule: 'LEAST_DEAL' } });
    expect(ids(least)).toEqual(['Q-AMOUNT', tiers[0]?.id, 'Q-PERCENT']);
  });

  it('filters by resource type, code and campaign, with and/or junctions', async () => {
    const project = await server.createProject();
    const { tiers, campaign } = await walletAndPromotion(project);
    const body = { customer: { source_id: 'q-shopper' }, order: cart(9800) };
    const filtered = async (filters: Record<string, unknown>) =>
      ids(await qualify(project, { ...body, options: { filters } }));
    expect(await filtered({ resource_type: { conditions: { $is: ['voucher'] } } })).toEqual(['Q-AMOUNT', 'Q-PERCENT']);
    expect(await filtered({ campaign_id: { conditions: { $in: [campaign.id] } } })).toEqual([tiers[0]?.id]);
    expect(
      await filtered({
        junction: 'or',
        code: { conditions: { $is: ['Q-PERCENT'] } },
        resource_type: { conditions: { $is: ['promotion_tier'] } },
      }),
    ).toEqual(['Q-PERCENT', tiers[0]?.id]);
    expect(
      await filtered({
        junction: 'and',
        code: { conditions: { $is: ['Q-PERCENT'] } },
        resource_type: { conditions: { $is: ['promotion_tier'] } },
      }),
    ).toEqual([]);
    expect(
      await filtered({
        holder_role: { conditions: { $in: ['OWNER'] } },
        voucher_type: { conditions: { $not_in: ['GIFT_VOUCHER'] } },
      }),
    ).toEqual(['Q-AMOUNT', 'Q-PERCENT']);
  });

  it('pages with limit and starting_after: every redeemable once, has_more until the last page', async () => {
    const project = await server.createProject();
    const customer = await shopper(project, 'q-pager');
    for (let i = 0; i < 7; i++)
      await heldVoucher(project, `PAGE-${i}`, customer.id, { type: 'AMOUNT', amount_off: 100 + i });
    const seen: string[] = [];
    let startingAfter: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const answer = await qualify(project, {
        customer: { id: customer.id },
        order: cart(5000),
        scenario: 'CUSTOMER_WALLET',
        options: { limit: 3, sorting_rule: 'BEST_DEAL', ...(startingAfter ? { starting_after: startingAfter } : {}) },
      });
      seen.push(...ids(answer));
      if (!answer.redeemables.has_more) break;
      expect(answer.redeemables.total).toBe(3);
      startingAfter = answer.redeemables.more_starting_after;
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `PAGE-${i}`));
  });

  it('tells a 88.00 cart to spend 12.00 more for the 100.00 tier', async () => {
    const project = await server.createProject();
    const { tiers, campaign } = await promotion(project);
    const answer = await qualify(project, { order: cart(8800) });
    expect(ids(answer)).toEqual([tiers[0]?.id]);
    expect(answer.spend_more).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [
        {
          id: tiers[1]?.id,
          object: 'promotion_tier',
          name: 'Free shipping',
          campaign_id: campaign.id,
          campaign_name: 'Qualifying promotion',
          amount_to_spend: 1200,
          order_amount_needed: 10000,
          discount: { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ORDER' },
          discount_amount: 1000,
        },
      ],
      total: 1,
    });
    const enough = await qualify(project, { order: cart(10000), options: { sorting_rule: 'BEST_DEAL' } });
    expect(ids(enough)).toEqual([tiers[1]?.id, tiers[0]?.id]);
    expect(enough.spend_more.total).toBe(0);
  });

  it('answers promotion stacks whose tiers all qualify, applied in the stack order', async () => {
    const project = await server.createProject();
    const { campaign, tiers } = await promotion(project);
    const stack = loose(
      await server.sdk(project).promotions.stack.createInCampaign(campaign.id, {
        name: 'Both',
        tiers: { ids: [tiers[0]?.id, tiers[1]?.id], hierarchy_mode: 'MANUAL' },
      } as never),
    );
    const small = await qualify(project, { scenario: 'PROMOTION_STACKS', order: cart(8800) });
    expect(ids(small)).toEqual([]);
    const big = await qualify(project, { scenario: 'PROMOTION_STACKS', order: cart(20000) });
    expect(ids(big)).toEqual([stack.id]);
    expect(big.redeemables.data[0]).toMatchObject({
      object: 'promotion_stack',
      order: { total_applied_discount_amount: 1500, total_amount: 18500 },
    });
    expect(big.redeemables.data[0].redeemables.map((r: Loose) => r.id)).toEqual([tiers[0]?.id, tiers[1]?.id]);
  });

  it('judges a gift card by what is left on it: a spent card gives its balance, an empty one is not listed', async () => {
    const project = await server.createProject();
    const customer = await shopper(project, 'q-gifted');
    const sdk = server.sdk(project);
    const vouchers = server.store.forProject(project.id).vouchers;
    for (const code of ['Q-GIFT-SPENT', 'Q-GIFT-EMPTY', 'Q-GIFT-FULL']) {
      const card = loose(await sdk.vouchers.create({ code, type: 'GIFT_VOUCHER', gift: { amount: 10000 } } as never));
      const stored = await vouchers.findById(card.id);
      if (!stored) throw new Error(`voucher ${code} not stored`);
      await vouchers.update({ ...stored, holder_id: customer.id });
    }
    await sdk.vouchers.balance.create('Q-GIFT-SPENT', { amount: -8000 } as never);
    await sdk.vouchers.balance.create('Q-GIFT-EMPTY', { amount: -10000 } as never);
    const answer = await qualify(project, {
      customer: { id: customer.id },
      order: cart(5000),
      scenario: 'CUSTOMER_WALLET',
      options: { limit: 10 },
    });
    expect(ids(answer)).toEqual(['Q-GIFT-FULL', 'Q-GIFT-SPENT']);
    const [full, spent] = answer.redeemables.data;
    expect(spent).toMatchObject({
      result: { gift: { balance: 2000, credits: 2000 } },
      order: { total_applied_discount_amount: 2000, total_amount: 3000 },
    });
    expect(full).toMatchObject({
      result: { gift: { balance: 10000, credits: 5000 } },
      order: { total_applied_discount_amount: 5000, total_amount: 0 },
    });
    const best = await qualify(project, {
      customer: { id: customer.id },
      order: cart(5000),
      scenario: 'CUSTOMER_WALLET',
      options: { sorting_rule: 'BEST_DEAL' },
    });
    expect(best.redeemables.data.map((r: Loose) => r.result.gift.credits)).toEqual([5000, 2000]);
  });

  it('refuses what it cannot answer truthfully, in the API error shape', async () => {
    const project = await server.createProject();
    const refusal = async (body: Record<string, unknown>) =>
      loose(
        await server
          .sdk(project)
          .qualifications.checkEligibility(body as never)
          .catch((error: unknown) => error),
      );
    expect(await refusal({ scenario: 'EVERYTHING' })).toMatchObject({ code: 400, key: 'invalid_payload' });
    expect(await refusal({ session: { type: 'LOCK' } })).toMatchObject({ key: 'missing_required_feature' });
    expect(await refusal({ options: { starting_after: 'yesterday' } })).toMatchObject({
      code: 400,
      key: 'invalid_payload',
    });
    expect(await refusal({ options: { limit: 51 } })).toMatchObject({ code: 400 });
  });

  it('shows a storefront only what the client presenter allows: no held codes, no hidden metadata', async () => {
    const project = await server.createProject({ client_hidden_metadata: { order: ['margin'] } });
    const { tiers } = await walletAndPromotion(project);
    const body = { customer: { source_id: 'q-shopper' }, order: cart(9800, { margin: 40, channel: 'web' }) };
    const server_side = await qualify(project, body);
    expect(server_side.order.metadata).toEqual({ margin: 40, channel: 'web' });
    const client = loose(await server.clientSdk(project).qualifications(body as never));
    expectConformsToSpec('post', '/client/v1/qualifications', 200, client);
    expect(ids(client)).toEqual([tiers[0]?.id]);
    expect(client.order.metadata).toEqual({ channel: 'web' });
    expect(client.redeemables.data[0].order.metadata).toEqual({ channel: 'web' });
    const wallet = loose(
      await server
        .clientSdk(project)
        .qualifications({ ...body, scenario: 'CUSTOMER_WALLET' } as never)
        .catch((e: unknown) => e),
    );
    expect(wallet).toMatchObject({ code: 403, key: 'forbidden' });
  });
});
