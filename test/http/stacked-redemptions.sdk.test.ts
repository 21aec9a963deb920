import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const order = (amount: number, sourceId?: string) => ({
  ...(sourceId ? { source_id: sourceId } : {}),
  amount,
  items: [{ source_id: 'stack-sku', related_object: 'product' as const, quantity: 1, price: amount }],
});

const voucher = (id: string) => ({ object: 'voucher' as const, id });
const tier = (id: string) => ({ object: 'promotion_tier' as const, id });

describe.each(TEST_DATABASES)(
  'stacked validation, redemption and rollback through the official SDK on $name',
  (database) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(database, { clock: tickingClock() });
    });
    afterAll(() => server?.close());

    const raw = async (method: string, path: string, project: TestProject, body?: unknown, headers = {}) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...server.serverHeaders(project), 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: loose(await response.json()) };
    };

    const setRules = async (project: TestProject, rules: Record<string, unknown>) => {
      const answer = await server.app.inject({
        method: 'POST',
        url: `/management/v1/projects/${project.id}/stacking-rules`,
        headers: { ...server.managementHeaders(), 'content-type': 'application/json' },
        payload: JSON.stringify(rules),
      });
      expect(answer.statusCode, answer.body).toBe(200);
    };

    const createVoucher = async (project: TestProject, code: string, discount: Record<string, unknown>, extra = {}) =>
      loose(await server.sdk(project).vouchers.create({ code, type: 'DISCOUNT_VOUCHER', discount, ...extra } as never));

    const amountOff = (amount_off: number) => ({ type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' });

    /** The docs' worked example: 1.00 off, 20% off, and a tier of 80.00, on a 2,000.00 order. */
    async function docsExample(project: TestProject) {
      await createVoucher(project, 'ONE-OFF', amountOff(100));
      await createVoucher(project, 'TWENTY', { type: 'PERCENT', percent_off: 20, effect: 'APPLY_TO_ORDER' });
      const campaign = loose(
        await server.sdk(project).promotions.create({
          name: `Eighty off ${project.id}`,
          campaign_type: 'PROMOTION',
          promotion: { tiers: [{ name: 'Eighty off', action: { discount: amountOff(8000) } }] },
        } as never),
      );
      return { tierId: campaign.promotion.tiers[0].id as string, campaign };
    }

    const stackOutcome = (project: TestProject, body: Record<string, unknown>) =>
      server
        .sdk(project)
        .redemptions.redeemStackable(body as never)
        .then((answer) => ({ ok: true as const, answer: loose(answer) }))
        .catch((error: unknown) => ({ ok: false as const, error: loose(error) }));

    it("validates the docs' worked example: 100, then 20% of 199900 = 39980, then 8000", async () => {
      const project = await server.createProject();
      const { tierId, campaign } = await docsExample(project);
      const validation = loose(
        await server.sdk(project).validations.validateStackable({
          redeemables: [voucher('ONE-OFF'), voucher('TWENTY'), tier(tierId)],
          order: order(200000),
          customer: { source_id: 'stacker' },
          options: { expand: ['redeemable'] },
        } as never),
      );
      expectConformsToSpec('post', '/v1/validations', 200, validation);
      expect(validation).toMatchObject({
        id: expect.stringMatching(/^valid_/),
        valid: true,
        skipped_redeemables: [],
        inapplicable_redeemables: [],
        tracking_id: expect.stringMatching(/^track_/),
        order: {
          amount: 200000,
          total_discount_amount: 48080,
          total_amount: 151920,
          total_applied_discount_amount: 48080,
        },
        stacking_rules: { redeemables_application_mode: 'ALL', redeemables_limit: 30 },
      });
      expect(validation.redeemables.map((r: Loose) => [r.id, r.status, r.order.total_applied_discount_amount])).toEqual(
        [
          ['ONE-OFF', 'APPLICABLE', 100],
          ['TWENTY', 'APPLICABLE', 39980],
          [tierId, 'APPLICABLE', 8000],
        ],
      );
      expect(validation.redeemables[2]).toMatchObject({
        object: 'promotion_tier',
        name: 'Eighty off',
        campaign_id: campaign.id,
        result: { discount: { type: 'AMOUNT', amount_off: 8000 } },
      });
      // Nothing was counted.
      expect(loose(await server.sdk(project).vouchers.get('TWENTY')).redemption.redeemed_quantity).toBe(0);
    });

    it('redeems the stack in one go (parent and children), and rolls the whole stack back with its order', async () => {
      const project = await server.createProject();
      const { tierId } = await docsExample(project);
      const outcome = await stackOutcome(project, {
        redeemables: [voucher('ONE-OFF'), voucher('TWENTY'), tier(tierId)],
        order: order(200000, 'stacked-order-1'),
        customer: { source_id: 'stack-buyer' },
        metadata: { till: 7 },
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      const { answer } = outcome;
      expectConformsToSpec('post', '/v1/redemptions', 200, answer);
      const parent = answer.parent_redemption;
      expect(parent).toMatchObject({
        id: expect.stringMatching(/^r_/),
        object: 'redemption',
        result: 'SUCCESS',
        status: 'SUCCEEDED',
        related_object_type: 'redemption',
        metadata: { till: 7 },
      });
      expect(
        answer.redemptions.map((r: Loose) => [
          r.related_object_type,
          r.redemption,
          r.order.total_applied_discount_amount,
        ]),
      ).toEqual([
        ['voucher', parent.id, 100],
        ['voucher', parent.id, 39980],
        ['promotion_tier', parent.id, 8000],
      ]);
      expect(answer.redemptions[1].voucher).toMatchObject({ code: 'TWENTY', redemption: { redeemed_quantity: 1 } });
      expect(answer.order).toMatchObject({
        source_id: 'stacked-order-1',
        total_discount_amount: 48080,
        total_amount: 151920,
      });
      expect(Object.values(answer.order.redemptions)[0]).toMatchObject({
        related_object_type: 'redemption',
        stacked: answer.redemptions.map((r: Loose) => r.id),
      });
      expect(loose(await server.sdk(project).redemptions.get(parent.id)).related_object_type).toBe('redemption');
      expect(loose(await server.sdk(project).vouchers.get('ONE-OFF')).redemption.redeemed_quantity).toBe(1);
      expect(loose(await server.sdk(project).promotions.tiers.get(tierId)).summary.redemptions.total_redeemed).toBe(1);
      const stored = loose(await server.sdk(project).orders.get(answer.order.id));
      expect(stored).toMatchObject({ total_discount_amount: 48080, total_amount: 151920 });

      // A child cannot be rolled back alone, nor the parent with the single rollback.
      const child = await raw('POST', `/v1/redemptions/${answer.redemptions[0].id}/rollback`, project, {});
      expect(child.body).toMatchObject({ code: 400, key: 'invalid_redemption_parent' });
      const single = await raw('POST', `/v1/redemptions/${parent.id}/rollback`, project, {});
      expect(single.body).toMatchObject({ code: 400, key: 'invalid_redemption' });

      const rollback = loose(
        await server.sdk(project).redemptions.rollbackStackable(parent.id, { reason: 'returned' } as never),
      );
      expectConformsToSpec('post', '/v1/redemptions/{parentRedemptionId}/rollbacks', 200, rollback);
      expect(rollback.parent_rollback).toMatchObject({
        id: expect.stringMatching(/^rr_/),
        object: 'redemption_rollback',
        redemption: parent.id,
        reason: 'returned',
        result: 'SUCCESS',
      });
      expect(rollback.rollbacks.map((r: Loose) => r.redemption)).toEqual(answer.redemptions.map((r: Loose) => r.id));
      expect(rollback.order).toMatchObject({ status: 'CANCELED', total_amount: 200000 });
      expect(loose(await server.sdk(project).vouchers.get('TWENTY')).redemption.redeemed_quantity).toBe(0);
      expect(loose(await server.sdk(project).promotions.tiers.get(tierId)).summary.redemptions.total_redeemed).toBe(0);
      const again = await raw('POST', `/v1/redemptions/${parent.id}/rollbacks`, project, {});
      expect(again.body).toMatchObject({ code: 400, key: 'already_rolled_back' });
    });

    it('in ALL mode one inapplicable redeemable fails the request and counts nothing; in PARTIAL mode the rest apply', async () => {
      const project = await server.createProject();
      await createVoucher(project, 'GOOD', amountOff(500));
      await createVoucher(project, 'OLD', amountOff(500), { expiration_date: '2020-01-01T00:00:00.000Z' });
      const body = { redeemables: [voucher('GOOD'), voucher('OLD'), voucher('NO-SUCH-CODE')], order: order(10000) };

      const validation = loose(await server.sdk(project).validations.validateStackable(body as never));
      expectConformsToSpec('post', '/v1/validations', 200, validation);
      expect(validation.valid).toBe(false);
      expect(validation.redeemables.map((r: Loose) => r.status)).toEqual(['APPLICABLE', 'INAPPLICABLE', 'SKIPPED']);
      expect(validation.inapplicable_redeemables[0].result).toMatchObject({
        error: { code: 400, key: 'voucher_expired', message: 'voucher expired', details: 'OLD' },
        details: { key: 'voucher_expired' },
      });
      expect(validation.skipped_redeemables[0]).toMatchObject({
        id: 'NO-SUCH-CODE',
        result: { details: { key: 'preceding_validation_failed' } },
      });

      const refused = await stackOutcome(project, body);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error).toMatchObject({
          code: 400,
          key: 'voucher_expired',
          details: 'OLD',
          resource_type: 'redemption',
        });
        expect(refused.error.resource_id).toMatch(/^rf_/);
      }
      expect(loose(await server.sdk(project).vouchers.get('GOOD')).redemption.redeemed_quantity).toBe(0);

      await setRules(project, { redeemables_application_mode: 'PARTIAL' });
      const partial = loose(await server.sdk(project).validations.validateStackable(body as never));
      expect(partial.valid).toBe(true);
      expect(partial.redeemables.map((r: Loose) => r.id)).toEqual(['GOOD']);
      expect(partial.inapplicable_redeemables.map((r: Loose) => [r.id, r.result.error.key])).toEqual([
        ['OLD', 'voucher_expired'],
        ['NO-SUCH-CODE', 'not_found'],
      ]);
      const redeemed = await stackOutcome(project, body);
      if (!redeemed.ok) throw new Error(JSON.stringify(redeemed.error));
      expect(redeemed.answer.redemptions.map((r: Loose) => r.voucher.code)).toEqual(['GOOD']);
      expect(redeemed.answer.inapplicable_redeemables).toHaveLength(2);
      expect(redeemed.answer.order.total_discount_amount).toBe(500);
    });

    it('refuses malformed stacks with a clear 400 and stores nothing', async () => {
      const project = await server.createProject();
      await createVoucher(project, 'TWICE', amountOff(100));
      const twice = await raw('POST', '/v1/redemptions', project, {
        redeemables: [voucher('TWICE'), voucher('TWICE')],
      });
      expect(twice).toMatchObject({ status: 400, body: { key: 'duplicated_redeemables' } });
      const mixed = await raw('POST', '/v1/validations', project, {
        redeemables: [voucher('TWICE'), { object: 'promotion_stack', id: 'stack_x' }],
      });
      expect(mixed).toMatchObject({ status: 400, body: { key: 'invalid_redeemables' } });
      await setRules(project, { redeemables_limit: 2, applicable_redeemables_limit: 2 });
      const many = await raw('POST', '/v1/validations', project, {
        redeemables: [voucher('A'), voucher('B'), voucher('C')],
      });
      expect(many).toMatchObject({ status: 400, body: { key: 'invalid_redeemables' } });
      const empty = await raw('POST', '/v1/validations', project, { redeemables: [] });
      expect(empty).toMatchObject({ status: 400, body: { key: 'invalid_payload' } });
      const wrongObject = await raw('POST', '/v1/validations', project, {
        redeemables: [{ object: 'coupon', id: 'X' }],
      });
      expect(wrongObject.status).toBe(400);
      expect(loose(await server.sdk(project).vouchers.get('TWICE')).redemption.redeemed_quantity).toBe(0);
    });

    it('a retried stacked redemption with the same Idempotency-Key counts once', async () => {
      const project = await server.createProject();
      await createVoucher(project, 'ONCE-ONLY', amountOff(100));
      const body = { redeemables: [voucher('ONCE-ONLY')], order: order(1000) };
      const first = await raw('POST', '/v1/redemptions', project, body, { 'idempotency-key': 'stack-retry-1' });
      const second = await raw('POST', '/v1/redemptions', project, body, { 'idempotency-key': 'stack-retry-1' });
      expect(first.status).toBe(200);
      expect(second.body.parent_redemption.id).toBe(first.body.parent_redemption.id);
      expect(loose(await server.sdk(project).vouchers.get('ONCE-ONLY')).redemption.redeemed_quantity).toBe(1);
    });

    it('parallel stacks sharing a voucher of 5 uses: exactly 5 succeed in ALL mode, and nothing else is counted', async () => {
      const project = await server.createProject();
      await createVoucher(project, 'SHARED', amountOff(100), { redemption: { quantity: 5 } });
      await createVoucher(project, 'ALPHA', amountOff(100));
      await createVoucher(project, 'BETA', amountOff(100));
      // Half the requests name the vouchers in the opposite order: locks must still be taken in one order.
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stackOutcome(project, {
            redeemables:
              i % 2 === 0
                ? [voucher('ALPHA'), voucher('SHARED'), voucher('BETA')]
                : [voucher('BETA'), voucher('SHARED'), voucher('ALPHA')],
            order: order(10000),
          }),
        ),
      );
      const succeeded = outcomes.filter((o) => o.ok).length;
      expect(succeeded).toBe(5);
      for (const o of outcomes) if (!o.ok) expect(o.error.key).toBe('quantity_exceeded');
      for (const code of ['SHARED', 'ALPHA', 'BETA']) {
        expect(loose(await server.sdk(project).vouchers.get(code)).redemption.redeemed_quantity).toBe(5);
      }
    });

    it('parallel stacks in PARTIAL mode: the shared voucher is used 5 times, the others every time', async () => {
      const project = await server.createProject();
      await setRules(project, { redeemables_application_mode: 'PARTIAL' });
      await createVoucher(project, 'SCARCE', amountOff(100), { redemption: { quantity: 5 } });
      await createVoucher(project, 'PLENTY', amountOff(100));
      const outcomes = await Promise.all(
        Array.from({ length: 16 }, () =>
          stackOutcome(project, { redeemables: [voucher('SCARCE'), voucher('PLENTY')], order: order(10000) }),
        ),
      );
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const withScarce = outcomes.filter(
        (o) => o.ok && o.answer.redemptions.some((r: Loose) => r.voucher.code === 'SCARCE'),
      );
      expect(withScarce).toHaveLength(5);
      expect(loose(await server.sdk(project).vouchers.get('SCARCE')).redemption.redeemed_quantity).toBe(5);
      expect(loose(await server.sdk(project).vouchers.get('PLENTY')).redemption.redeemed_quantity).toBe(16);
    });

    it('a promotion stack stands for its tiers, applied in its order', async () => {
      const project = await server.createProject();
      const campaign = loose(
        await server.sdk(project).promotions.create({
          name: 'Stacked tiers',
          campaign_type: 'PROMOTION',
          promotion: {
            tiers: [
              { name: 'Ten off', action: { discount: amountOff(1000) } },
              {
                name: 'Half off',
                action: { discount: { type: 'PERCENT', percent_off: 50, effect: 'APPLY_TO_ORDER' } },
              },
            ],
          },
        } as never),
      );
      const [ten, half] = campaign.promotion.tiers as Loose[];
      const stack = loose(
        await server.sdk(project).promotions.stack.createInCampaign(campaign.id, {
          name: 'Half then ten',
          tiers: { ids: [half?.id, ten?.id], hierarchy_mode: 'MANUAL' },
        } as never),
      );
      const validation = loose(
        await server.sdk(project).validations.validateStackable({
          redeemables: [{ object: 'promotion_stack', id: stack.id }],
          order: order(10000),
        } as never),
      );
      expect(validation.redeemables.map((r: Loose) => [r.id, r.order.total_applied_discount_amount])).toEqual([
        [half?.id, 5000],
        [ten?.id, 1000],
      ]);
    });

    it('storefronts validate and redeem stacks with the client-side key', async () => {
      const project = await server.createProject({ client_redeem_enabled: true });
      await createVoucher(project, 'STOREFRONT', amountOff(300));
      const client = server.clientSdk(project);
      const validation = loose(
        await client.validateStackable({ redeemables: [voucher('STOREFRONT')], order: order(5000) } as never),
      );
      expectConformsToSpec('post', '/client/v1/validations', 200, validation);
      expect(validation).toMatchObject({ valid: true, order: { total_discount_amount: 300 } });
      const redemption = loose(
        await client.redeemStackable({
          redeemables: [voucher('STOREFRONT')],
          order: order(5000),
          customer: { source_id: 'web-shopper' },
        } as never),
      );
      expectConformsToSpec('post', '/client/v1/redemptions', 200, redemption);
      expect(redemption.redemptions[0]).toMatchObject({ result: 'SUCCESS', voucher: { code: 'STOREFRONT' } });
    });
  },
);
