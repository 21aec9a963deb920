import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec, specViolations } from '../support/voucherify-spec.js';

const cart = (amount: number) => ({
  amount,
  items: [{ source_id: 'tier-sku', related_object: 'product' as const, quantity: 1, price: amount }],
});

/**
 * The legacy spec types a validated tier's `valid` as a string, while Voucherify (and its own
 * example in the same spec) answers a boolean: that one mismatch is the spec's, not ours.
 */
function expectValidationConforms(body: unknown): void {
  const problems = specViolations('post', '/v1/promotions/validation', 200, body, 'legacy').filter(
    (problem) => !/^\/promotions\/\d+\/valid must be string/.test(problem),
  );
  expect(problems).toEqual([]);
}

describe.each(TEST_DATABASES)(
  'promotion tiers validated and redeemed through the official SDK on $name',
  (database) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(database, { clock: tickingClock() });
    });
    afterAll(() => server?.close());

    const raw = async (method: string, path: string, project: TestProject, body?: unknown) => {
      const response = await fetch(`${server.url}/v1${path}`, {
        method,
        headers: server.serverHeaders(project),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: loose(await response.json()) };
    };

    const minimumRule = async (project: TestProject, minimum: number) =>
      loose(
        await server.sdk(project).validationRules.create({
          name: `at least ${minimum}`,
          rules: {
            '1': {
              name: 'order.amount',
              conditions: { $more_than_equal: [minimum] },
              error: { message: `Spend ${minimum / 100} first` },
            },
            logic: '1',
          },
        } as never),
      );

    /** A PROMOTION campaign with tiers at 100, 200 and 500 of order amount, each giving more. */
    async function thresholdPromotion(project: TestProject, name: string) {
      const rules = [
        await minimumRule(project, 10000),
        await minimumRule(project, 20000),
        await minimumRule(project, 50000),
      ];
      const offs = [1000, 2500, 7500];
      const campaign = loose(
        await server.sdk(project).promotions.create({
          name,
          campaign_type: 'PROMOTION',
          promotion: {
            tiers: offs.map((amount_off, index) => ({
              name: `Tier ${index + 1}`,
              action: { discount: { type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' } },
              validation_rules: [rules[index]?.id],
            })),
          },
        } as never),
      );
      return { campaign, tiers: campaign.promotion.tiers as Loose[], rules };
    }

    const redeemOutcome = (project: TestProject, tierId: string, body: Record<string, unknown>) =>
      server
        .sdk(project)
        .promotions.tiers.redeem(tierId, body as never)
        .then((redemption) => ({ ok: true as const, redemption: loose(redemption) }))
        .catch((error: unknown) => ({ ok: false as const, error: loose(error) }));

    it('lists every tier a 300.00 cart qualifies for, with the discount each gives alone', async () => {
      const project = await server.createProject();
      const { campaign, tiers } = await thresholdPromotion(project, 'Spend more, save more');
      const validation = loose(
        await server.sdk(project).promotions.validate({ customer: { source_id: 'tier-shopper' }, order: cart(30000) }),
      );
      expectValidationConforms(validation);
      expect(validation.valid).toBe(true);
      expect(validation.tracking_id).toMatch(/^track_/);
      expect(validation.promotions.map((p: Loose) => [p.id, p.discount_amount])).toEqual([
        [tiers[0]?.id, 1000],
        [tiers[1]?.id, 2500],
      ]);
      expect(validation.promotions[1]).toMatchObject({
        valid: true,
        name: 'Tier 2',
        hierarchy: 2,
        object: 'promotion_tier',
        campaign: { id: campaign.id, active: true, object: 'campaign' },
        discount: { type: 'AMOUNT', amount_off: 2500 },
        applied_discount_amount: 2500,
        order: { amount: 30000, total_discount_amount: 2500, total_amount: 27500 },
      });

      const small = loose(await server.sdk(project).promotions.validate({ order: cart(5000) }));
      expect(small).toEqual({ valid: false, promotions: [] });
    });

    it('redeems the best tier: the redemption names the tier, its summary and its campaign move, a rollback moves them back', async () => {
      const project = await server.createProject();
      const { campaign, tiers } = await thresholdPromotion(project, 'Redeemed tiers');
      const best = tiers[1] as Loose;
      const outcome = await redeemOutcome(project, best.id, {
        customer: { source_id: 'tier-buyer', name: 'Tier Buyer' },
        order: cart(30000),
        metadata: { channel: 'web' },
      });
      if (!outcome.ok) throw new Error(`redemption refused: ${JSON.stringify(outcome.error)}`);
      const { redemption } = outcome;
      expectConformsToSpec('post', '/v1/promotions/tiers/{promotionTierId}/redemption', 200, redemption, 'legacy');
      expect(redemption).toMatchObject({
        id: expect.stringMatching(/^r_/),
        object: 'redemption',
        result: 'SUCCESS',
        status: 'SUCCEEDED',
        related_object_type: 'promotion_tier',
        related_object_id: best.id,
        metadata: { channel: 'web' },
        customer: { source_id: 'tier-buyer', object: 'customer' },
        order: { amount: 30000, total_discount_amount: 2500, total_amount: 27500 },
        promotion_tier: {
          id: best.id,
          campaign_id: campaign.id,
          summary: { redemptions: { total_redeemed: 1 }, orders: { total_amount: 30000, total_discount_amount: 2500 } },
        },
      });
      expect(redemption.voucher).toBeUndefined();
      const stored = loose(await server.sdk(project).redemptions.get(redemption.id));
      expect(stored).toMatchObject({
        related_object_type: 'promotion_tier',
        related_object_id: best.id,
        promotion_tier: { id: best.id },
      });

      const tierAfter = loose(await server.sdk(project).promotions.tiers.get(best.id));
      expect(tierAfter.summary).toEqual({
        redemptions: { total_redeemed: 1 },
        orders: { total_amount: 30000, total_discount_amount: 2500 },
      });
      const totals = await server.store.forProject(project.id).ruleCounters.campaignTotals(campaign.id);
      expect(totals).toEqual({ redemptions: 1, ordersAmount: 30000 });

      const rollback = loose(await server.sdk(project).redemptions.rollback(redemption.id));
      expect(rollback).toMatchObject({ object: 'redemption_rollback', related_object_id: best.id });
      const tierBack = loose(await server.sdk(project).promotions.tiers.get(best.id));
      expect(tierBack.summary).toEqual({
        redemptions: { total_redeemed: 0 },
        orders: { total_amount: 0, total_discount_amount: 0 },
      });
      expect(await server.store.forProject(project.id).ruleCounters.campaignTotals(campaign.id)).toEqual({
        redemptions: 0,
        ordersAmount: 0,
      });
    });

    it('refuses an inactive tier, a disabled campaign and a rule not met, storing each as a failed redemption', async () => {
      const project = await server.createProject();
      const { campaign, tiers } = await thresholdPromotion(project, 'Refusals');
      const [first, second, third] = tiers as [Loose, Loose, Loose];
      const as = { customer: { source_id: 'tier-refused' }, order: cart(30000) };

      const ruleNotMet = await redeemOutcome(project, third.id, as);
      expect(ruleNotMet).toMatchObject({
        ok: false,
        error: { code: 400, key: 'order_rules_violated', message: 'Spend 500 first', details: third.id },
      });
      if (!ruleNotMet.ok)
        expectConformsToSpec(
          'post',
          '/v1/promotions/tiers/{promotionTierId}/redemption',
          400,
          ruleNotMet.error,
          'legacy',
        );

      expect((await raw('POST', `/promotions/tiers/${second.id}/disable`, project)).status).toBe(200);
      expect(await redeemOutcome(project, second.id, as)).toMatchObject({
        ok: false,
        error: { code: 400, key: 'promotion_inactive' },
      });
      const validated = loose(await server.sdk(project).promotions.validate(as));
      expect(validated.promotions.map((p: Loose) => p.id)).toEqual([first.id]);

      expect((await raw('POST', `/campaigns/${campaign.id}/disable`, project)).status).toBe(200);
      expect(await redeemOutcome(project, first.id, as)).toMatchObject({
        ok: false,
        error: { code: 400, key: 'promotion_inactive' },
      });
      expect(loose(await server.sdk(project).promotions.validate(as))).toMatchObject({ valid: false, promotions: [] });

      const failed = loose(await server.sdk(project).redemptions.list({ result: 'FAILURE' } as never));
      const failures = (failed.redemptions as Loose[]).map((r) => [
        r.related_object_id,
        r.failure_code,
        r.failure_message,
      ]);
      expect(failures).toEqual(
        expect.arrayContaining([
          [third.id, 'order_rules_violated', 'Spend 500 first'],
          [second.id, 'promotion_inactive', 'Inactive Promotion'],
          [first.id, 'promotion_inactive', 'Inactive Promotion'],
        ]),
      );
      for (const r of failed.redemptions as Loose[]) expect(r.id).toMatch(/^rf_/);
      const tier = loose(await server.sdk(project).promotions.tiers.get(third.id));
      expect(tier.summary.redemptions.total_redeemed).toBe(0);
    });

    it('holds a per-customer limit on a tier under 20 parallel redemptions: exactly the limit succeeds', async () => {
      const project = await server.createProject();
      const limit = loose(
        await server.sdk(project).validationRules.create({
          name: 'three each',
          rules: { '1': { name: 'redemption.count.per_customer', conditions: { $less_than: [4] } }, logic: '1' },
        } as never),
      );
      const campaign = loose(
        await server.sdk(project).promotions.create({
          name: 'Limited tier',
          campaign_type: 'PROMOTION',
          promotion: {
            tiers: [
              {
                name: 'Limited',
                action: { discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' } },
                validation_rules: [limit.id],
              },
            ],
          },
        } as never),
      );
      const tierId = campaign.promotion.tiers[0].id as string;
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          redeemOutcome(project, tierId, { customer: { source_id: 'tier-racer' }, order: cart(20000) }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
      for (const outcome of outcomes.filter((o) => !o.ok)) {
        expect(outcome).toMatchObject({ error: { key: 'redemption_rules_violated' } });
      }
      const tier = loose(await server.sdk(project).promotions.tiers.get(tierId));
      expect(tier.summary).toEqual({
        redemptions: { total_redeemed: 3 },
        orders: { total_amount: 60000, total_discount_amount: 1500 },
      });
      // Another customer has a count of their own.
      expect(
        await redeemOutcome(project, tierId, { customer: { source_id: 'tier-other' }, order: cart(20000) }),
      ).toMatchObject({
        ok: true,
      });
    });

    it('answers a retried redemption with the same Idempotency-Key as the first, counting once', async () => {
      const project = await server.createProject();
      const { tiers } = await thresholdPromotion(project, 'Idempotent');
      const tierId = (tiers[0] as Loose).id as string;
      const send = () =>
        fetch(`${server.url}/v1/promotions/tiers/${tierId}/redemption`, {
          method: 'POST',
          headers: {
            ...server.serverHeaders(project),
            'content-type': 'application/json',
            'idempotency-key': 'tier-once',
          },
          body: JSON.stringify({ customer: { source_id: 'tier-retry' }, order: cart(15000) }),
        }).then(async (response) => ({ status: response.status, body: loose(await response.json()) }));
      const first = await send();
      const second = await send();
      expect(first.status).toBe(200);
      expect(second.body.id).toBe(first.body.id);
      const tier = loose(await server.sdk(project).promotions.tiers.get(tierId));
      expect(tier.summary.redemptions.total_redeemed).toBe(1);
    });

    it('answers 404 for a tier that does not exist, storing nothing', async () => {
      const project = await server.createProject();
      const missing = await redeemOutcome(project, 'promo_missing', { order: cart(1000) });
      expect(missing).toMatchObject({ ok: false, error: { code: 404, key: 'not_found' } });
    });
  },
);
