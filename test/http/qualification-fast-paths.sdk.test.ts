import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectContext } from '../../src/app/context.js';
import { loadActiveTiers } from '../../src/app/promotions/active-tiers.js';
import { checkEligibility } from '../../src/app/qualifications/check-eligibility.js';
import { qualifyTier } from '../../src/app/qualifications/qualify-redeemables.js';
import { CampaignCategoryCache } from '../../src/app/qualifications/wallet-vouchers.js';
import { randomIds } from '../../src/app/random-ids.js';
import { openRuleFactsSession } from '../../src/app/redemptions/voucher-rules.js';
import { startCalculation } from '../../src/domain/discounts/calculated-order.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';

/**
 * A qualification judges most tiers without awaiting the store (qualifyTierAtOnce), prices every
 * one from one started cart, and searches a spend-more threshold once per set of rules. Here every
 * kind of tier the shortcuts treat differently (counting rules, a unit discount, categories read
 * on first use, lines named by applicable_to, rules shared by several tiers) is listed, and each
 * listed tier must be exactly what the slow path (qualifyTier, one tier at a time) makes of it.
 */

const cart = () => ({
  items: [
    { source_id: 'fp-mug', related_object: 'product' as const, quantity: 2, price: 1500 },
    { source_id: 'fp-shirt', related_object: 'product' as const, quantity: 1, price: 4000 },
  ],
});

describe.each(TEST_DATABASES)('qualification shortcuts on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  async function seed(project: TestProject) {
    const sdk = server.sdk(project);
    const rule = async (name: string, body: Record<string, unknown>) =>
      loose(await sdk.validationRules.create({ name, ...body } as never)).id as string;
    const atLeast = (minimum: number) =>
      rule(`at least ${minimum}`, {
        rules: { 1: { name: 'order.amount', conditions: { $more_than_equal: [minimum] } }, logic: '1' },
      });
    const cheap = await atLeast(5000);
    const dear = await atLeast(20000);
    const counted = await rule('twice each', {
      rules: { 1: { name: 'redemption.count.per_customer', conditions: { $less_than: [2] } }, logic: '1' },
    });
    const mug = loose(await sdk.products.create({ source_id: 'fp-mug', name: 'Mug', price: 1500 } as never));
    const mugs = await rule('mugs only', {
      rules: { logic: '' },
      applicable_to: { included: [{ object: 'product', source_id: 'fp-mug', id: mug.id }] },
    });
    const category = loose(await sdk.categories.create({ name: 'Fast', hierarchy: 1 } as never));
    await sdk.products.create({ source_id: 'fp-gift', name: 'Gift', price: 700 } as never);
    const amountOff = (amount_off: number) => ({ discount: { type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' } });
    await sdk.promotions.create({
      name: 'Shortcuts',
      campaign_type: 'PROMOTION',
      promotion: {
        tiers: [
          { name: 'plain', action: amountOff(100) },
          { name: 'cheap a', action: amountOff(200), validation_rules: [cheap] },
          { name: 'cheap b', action: amountOff(300), validation_rules: [cheap] },
          { name: 'dear a', action: amountOff(400), validation_rules: [dear] },
          { name: 'dear b', action: amountOff(500), validation_rules: [dear] },
          { name: 'dear and counted', action: amountOff(600), validation_rules: [dear, counted] },
          { name: 'counted', action: amountOff(700), validation_rules: [counted] },
          {
            name: 'mugs 10%',
            action: { discount: { type: 'PERCENT', percent_off: 10 } },
            validation_rules: [mugs],
          },
          { name: 'categorised a', action: amountOff(800), category_id: category.id },
          { name: 'categorised b', action: amountOff(900), category_id: category.id },
          {
            name: 'free gift',
            action: { discount: { type: 'UNIT', unit_off: 1, unit_type: 'fp-gift', effect: 'ADD_NEW_ITEMS' } },
          },
        ],
      },
    } as never);
  }

  async function contextOf(project: TestProject): Promise<ProjectContext> {
    const stored = await server.store.projects.findById(project.id);
    if (!stored) throw new Error('project not stored');
    return {
      project: stored,
      store: server.store.forProject(project.id),
      clock: tickingClock(),
      ids: randomIds,
      work: { wake: () => undefined },
      requestId: null,
    };
  }

  it.each(['DEFAULT', 'BEST_DEAL'] as const)(
    'lists every kind of tier the cart qualifies for (%s), and one hint per tier sharing a searched rule',
    async (sorting_rule) => {
      const project = await server.createProject();
      await seed(project);
      const ctx = await contextOf(project);
      const answer = await checkEligibility(ctx, {
        customer: { source_id: 'fp-shopper' },
        order: cart(),
        options: { limit: 50, sorting_rule },
      });
      const listed = answer.page.data;
      // 7,000 in the cart: everything but the two tiers from 200.00 (and the one that needs both).
      expect(
        listed.map((entry) => (entry.source.kind === 'promotion_tier' ? entry.source.tier.name : null)).sort(),
      ).toEqual(['categorised a', 'categorised b', 'cheap a', 'cheap b', 'counted', 'free gift', 'mugs 10%', 'plain']);
      expect(listed.find((e) => e.id && e.rules.applicableTo)?.order?.items_applied_discount_amount).toBe(300);

      expect(answer.order?.amount).toBe(7000);

      // Two tiers share one rule (one search); the tier that also counts redemptions gets no hint.
      const hints = answer.spendMore.map((hint) => [hint.tier.name, hint.amount_to_spend, hint.discount_amount]);
      expect(hints.sort()).toEqual([
        ['dear a', 13000, 400],
        ['dear b', 13000, 500],
      ]);
    },
  );

  it('gives every tier qualifyTier judges alone the same entry the qualification lists', async () => {
    const project = await server.createProject();
    await seed(project);
    const ctx = await contextOf(project);
    const answer = await checkEligibility(ctx, {
      customer: { source_id: 'fp-shopper' },
      order: cart(),
      options: { limit: 50, sorting_rule: 'BEST_DEAL' },
    });
    const listed = new Map(answer.page.data.map((entry) => [entry.id, entry]));
    const now = ctx.clock.now();
    const timezone = ctx.project.settings.timezone;
    const active = await loadActiveTiers(ctx.store, now, { timezone });
    const customer = answer.customer;
    const session = await openRuleFactsSession(
      ctx.store,
      ctx.clock,
      timezone,
      active.flatMap((entry) => entry.definitions),
      { order: answer.order, customer, metadata: null, lockCounts: false },
    );
    const facts = {
      store: ctx.store,
      session,
      cache: new CampaignCategoryCache(ctx.store),
      now,
      timezone,
      order: answer.order,
      // A copy the request never started: every tier is priced from its own fresh start.
      started: answer.order ? startCalculation({ ...answer.order }) : null,
    };
    let qualified = 0;
    for (const tier of active) {
      const alone = await qualifyTier(facts, tier);
      const entry = listed.get(tier.tier.id);
      if (!alone.qualified) {
        expect(entry).toBeUndefined();
        continue;
      }
      qualified++;
      expect(entry).toStrictEqual(alone.entry);
    }
    expect(qualified).toBe(8);
  });
});
