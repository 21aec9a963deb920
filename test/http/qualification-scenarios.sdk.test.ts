import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

/**
 * The scenarios beside ALL, each on one seeded project whose cart (a mug and a shirt, 50.00) and
 * customer (gold) make its difference visible: AUDIENCE_ONLY ignores the cart's rules, the product
 * scenarios keep what is about the cart's products, the _BY_CUSTOMER twins judge the customer too.
 */

const cart = () => ({
  items: [
    { source_id: 'sc-mug', related_object: 'product' as const, quantity: 1, price: 1500 },
    { source_id: 'sc-shirt', related_object: 'product' as const, quantity: 1, price: 3500 },
  ],
});

const AMOUNT_OFF = (amount_off: number) => ({ discount: { type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' } });

describe.each(TEST_DATABASES)('qualification scenarios through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  async function seed(project: TestProject) {
    const sdk = server.sdk(project);
    const rule = async (name: string, body: Record<string, unknown>) =>
      loose(await sdk.validationRules.create({ name, ...body } as never)).id as string;
    const mug = loose(await sdk.products.create({ source_id: 'sc-mug', name: 'Mug', price: 1500 } as never));
    await sdk.products.create({ source_id: 'sc-shirt', name: 'Shirt', price: 3500 } as never);
    const hat = loose(await sdk.products.create({ source_id: 'sc-hat', name: 'Hat', price: 900 } as never));
    const tier = (value: string) =>
      rule(`tier ${value}`, {
        rules: { 1: { name: 'customer.metadata', property: 'tier', conditions: { $is: [value] } }, logic: '1' },
      });
    const gold = await tier('gold');
    const silver = await tier('silver');
    const big = await rule('from 100.00', {
      rules: { 1: { name: 'order.amount', conditions: { $more_than_equal: [10000] } }, logic: '1' },
    });
    const mugs = await rule('mugs only', {
      rules: { logic: '' },
      applicable_to: { included: [{ object: 'product', source_id: 'sc-mug', id: mug.id }] },
    });
    const withMug = await rule('with a mug', {
      rules: { 1: { name: 'order.items.any', conditions: { $is: [{ object: 'product', id: mug.id }] } }, logic: '1' },
    });
    const campaign = loose(
      await sdk.promotions.create({
        name: 'Scenarios',
        campaign_type: 'PROMOTION',
        promotion: {
          tiers: [
            { name: 'everyone', action: AMOUNT_OFF(500) },
            { name: 'big cart', action: AMOUNT_OFF(1000), validation_rules: [big] },
            { name: 'gold', action: AMOUNT_OFF(700), validation_rules: [gold] },
            { name: 'silver', action: AMOUNT_OFF(800), validation_rules: [silver] },
            { name: 'mug 10%', action: { discount: { type: 'PERCENT', percent_off: 10 } }, validation_rules: [mugs] },
            { name: 'with a mug', action: AMOUNT_OFF(300), validation_rules: [withMug] },
            {
              name: 'free mug',
              action: { discount: { type: 'UNIT', unit_off: 1, unit_type: mug.id, effect: 'ADD_MISSING_ITEMS' } },
            },
            {
              name: 'free hat',
              action: { discount: { type: 'UNIT', unit_off: 1, unit_type: hat.id, effect: 'ADD_NEW_ITEMS' } },
            },
            {
              name: 'silver mug',
              action: { discount: { type: 'PERCENT', percent_off: 20 } },
              validation_rules: [mugs, silver],
            },
            {
              name: 'big mug',
              action: { discount: { type: 'PERCENT', percent_off: 5 } },
              validation_rules: [mugs, big],
            },
          ],
        },
      } as never),
    );
    const customer = loose(await sdk.customers.create({ source_id: 'sc-gold', metadata: { tier: 'gold' } } as never));
    // Codes held by the customer: one for big carts, one that gives a free mug.
    await heldVoucher(project, customer.id, { code: 'SC-BIG', discount: AMOUNT_OFF(2000).discount }, [big]);
    await heldVoucher(project, customer.id, {
      code: 'SC-MUG',
      discount: { type: 'UNIT', unit_off: 1, unit_type: mug.id, effect: 'ADD_MISSING_ITEMS' },
    });
    // Campaigns whose codes a customer could be given: gold ones (made on demand), silver ones
    // (not this customer), and a fixed pool with no code left to give.
    const coupons = (name: string, body: Record<string, unknown>) =>
      sdk.campaigns
        .create({
          name,
          campaign_type: 'DISCOUNT_COUPONS',
          voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 15 } },
          ...body,
        } as never)
        .then(loose);
    const goldCoupons = await coupons('Gold coupons', { type: 'AUTO_UPDATE', validation_rules: [gold] });
    await coupons('Silver coupons', { type: 'AUTO_UPDATE', validation_rules: [silver] });
    await coupons('Empty pool', { type: 'STATIC', vouchers_count: 0 });
    const pooled = await coupons('Big pool', { type: 'STATIC', vouchers_count: 2, validation_rules: [big] });
    const tiers = new Map<string, string>((campaign.promotion.tiers as Loose[]).map((t) => [t.id, t.name]));
    return { mug, customer, tiers, goldCoupons, pooled };
  }

  async function heldVoucher(
    project: TestProject,
    holderId: string,
    body: { code: string; discount: Record<string, unknown> },
    rules: string[] = [],
  ) {
    const sdk = server.sdk(project);
    const made = loose(
      await sdk.vouchers.create({ type: 'DISCOUNT_VOUCHER', validation_rules: rules, ...body } as never),
    );
    const vouchers = server.store.forProject(project.id).vouchers;
    const stored = await vouchers.findById(made.id);
    if (!stored) throw new Error(`voucher ${body.code} not stored`);
    await vouchers.update({ ...stored, holder_id: holderId });
  }

  async function qualify(project: TestProject, body: Record<string, unknown>) {
    const answer = loose(
      await server.sdk(project).qualifications.checkEligibility({
        customer: { source_id: 'sc-gold' },
        order: cart(),
        ...body,
        options: { limit: 50, expand: ['redeemable'], ...(body.options as object) },
      } as never),
    );
    expectConformsToSpec('post', '/v1/qualifications', 200, answer);
    return answer;
  }

  /** Listed names: a tier's name, a code, or a campaign's name. */
  const namesOf = (answer: Loose, tiers: Map<string, string>) =>
    (answer.redeemables.data as Loose[])
      .map((r) => (r.object === 'promotion_tier' ? tiers.get(r.id) : r.object === 'voucher' ? r.id : r.name))
      .sort();

  it('AUDIENCE_ONLY judges the customer only: cart rules never refuse, and campaigns it could join are listed', async () => {
    const project = await server.createProject();
    const { tiers, goldCoupons, pooled } = await seed(project);
    const all = await qualify(project, { scenario: 'ALL' });
    expect(namesOf(all, tiers)).toEqual(
      ['SC-MUG', 'everyone', 'free hat', 'free mug', 'gold', 'mug 10%', 'with a mug'].sort(),
    );
    const audience = await qualify(project, { scenario: 'AUDIENCE_ONLY' });
    expect(namesOf(audience, tiers)).toEqual(
      [
        'Big pool',
        'Gold coupons',
        'SC-BIG',
        'SC-MUG',
        'big cart',
        'big mug',
        'everyone',
        'free hat',
        'free mug',
        'gold',
        'mug 10%',
        'with a mug',
      ].sort(),
    );
    const campaign = (audience.redeemables.data as Loose[]).find((r) => r.id === goldCoupons.id);
    expect(campaign).toMatchObject({
      object: 'campaign',
      name: 'Gold coupons',
      result: { discount: { type: 'PERCENT', percent_off: 15 } },
    });
    expect(campaign).not.toHaveProperty('campaign_id');
    expect(campaign).not.toHaveProperty('order');
    // What the big cart tier would give this cart is still shown.
    const bigCart = (audience.redeemables.data as Loose[]).find((r) => tiers.get(r.id) === 'big cart');
    expect(bigCart?.order.total_applied_discount_amount).toBe(1000);
    expect(audience.spend_more.total).toBe(0);

    // A silver customer: the gold tier and campaign go, the silver ones come; still no cart rule judged.
    await server.sdk(project).customers.create({ source_id: 'sc-silver', metadata: { tier: 'silver' } } as never);
    const silver = await qualify(project, { scenario: 'AUDIENCE_ONLY', customer: { source_id: 'sc-silver' } });
    const silverNames = namesOf(silver, tiers);
    expect(silverNames).toEqual(expect.arrayContaining(['silver', 'silver mug', 'big cart', 'Silver coupons']));
    expect(silverNames).not.toEqual(expect.arrayContaining(['gold']));
    expect(silverNames).not.toContain('Gold coupons');
    expect(silverNames).not.toContain('Empty pool');
    // Filters by resource type reach campaigns too.
    const onlyCampaigns = await qualify(project, {
      scenario: 'AUDIENCE_ONLY',
      options: { filters: { resource_type: { conditions: { $is: ['campaign'] } } } },
    });
    expect((onlyCampaigns.redeemables.data as Loose[]).map((r) => r.id).sort()).toEqual(
      [goldCoupons.id, pooled.id].sort(),
    );
  });

  it('AUDIENCE_ONLY leaves out a pool whose codes are all given away', async () => {
    const project = await server.createProject();
    const { pooled, customer } = await seed(project);
    const vouchers = server.store.forProject(project.id).vouchers;
    const codes = loose(await server.sdk(project).vouchers.list({ campaign_id: pooled.id } as never))
      .vouchers as Loose[];
    expect(codes).toHaveLength(2);
    for (const code of codes) {
      const stored = await vouchers.findById(code.id);
      if (stored) await vouchers.update({ ...stored, holder_id: customer.id });
    }
    const audience = await qualify(project, {
      scenario: 'AUDIENCE_ONLY',
      options: { filters: { resource_type: { conditions: { $is: ['campaign'] } } } },
    });
    expect((audience.redeemables.data as Loose[]).map((r) => r.name)).toEqual(['Gold coupons']);
  });

  it('PRODUCTS lists promotions about the cart products, judged on the cart but not on the customer', async () => {
    const project = await server.createProject();
    const { tiers, mug } = await seed(project);
    const products = await qualify(project, { scenario: 'PRODUCTS' });
    // No held code (the customer is not judged); `silver mug` stays, `big mug` fails the cart.
    expect(namesOf(products, tiers)).toEqual(['free mug', 'mug 10%', 'silver mug', 'with a mug']);
    const byName = (name: string): Loose =>
      (products.redeemables.data as Loose[]).find((r) => tiers.get(r.id) === name) ?? {};
    expect(byName('with a mug').applicable_to).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [
        {
          object: 'product',
          id: mug.id,
          source_id: 'sc-mug',
          strict: false,
          effect: 'APPLY_TO_EVERY',
          order_item_indices: [0],
        },
      ],
      total: 1,
    });
    expect(byName('mug 10%').applicable_to.data).toEqual([
      expect.objectContaining({ object: 'product', id: mug.id, order_item_indices: [0] }),
    ]);
    expect(byName('free mug').applicable_to.data).toEqual([
      expect.objectContaining({ object: 'product', id: mug.id, order_item_indices: [0] }),
    ]);
    expect(byName('mug 10%').order.items_applied_discount_amount).toBe(150);
  });

  it('PRODUCTS_DISCOUNT keeps only discounts defined for specific items; an order-level tier is not one', async () => {
    const project = await server.createProject();
    const { tiers } = await seed(project);
    const discount = await qualify(project, { scenario: 'PRODUCTS_DISCOUNT' });
    expect(namesOf(discount, tiers)).toEqual(['free mug', 'mug 10%', 'silver mug']);
  });

  it('the _BY_CUSTOMER twins judge the customer too and list the codes they hold', async () => {
    const project = await server.createProject();
    const { tiers } = await seed(project);
    const byCustomer = await qualify(project, { scenario: 'PRODUCTS_BY_CUSTOMER' });
    expect(namesOf(byCustomer, tiers)).toEqual(['SC-MUG', 'free mug', 'mug 10%', 'with a mug']);
    const discountByCustomer = await qualify(project, { scenario: 'PRODUCTS_DISCOUNT_BY_CUSTOMER' });
    expect(namesOf(discountByCustomer, tiers)).toEqual(['SC-MUG', 'free mug', 'mug 10%']);
    // A storefront key never sees held codes, in these scenarios either.
    const client = loose(
      await server.clientSdk(project).qualifications({
        customer: { source_id: 'sc-gold' },
        order: cart(),
        scenario: 'PRODUCTS_DISCOUNT_BY_CUSTOMER',
        options: { limit: 50 },
      } as never),
    );
    expectConformsToSpec('post', '/client/v1/qualifications', 200, client);
    expect((client.redeemables.data as Loose[]).map((r) => tiers.get(r.id)).sort()).toEqual(['free mug', 'mug 10%']);
  });

  it('a product scenario without a cart lists nothing', async () => {
    const project = await server.createProject();
    await seed(project);
    const answer = loose(await server.sdk(project).qualifications.checkEligibility({ scenario: 'PRODUCTS' } as never));
    expectConformsToSpec('post', '/v1/qualifications', 200, answer);
    expect(answer.redeemables.data).toEqual([]);
  });
});
