import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { rawApi } from '../support/raw-api.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Every path that writes a customer and a voucher takes the customer's row first. A path that took
 * them the other way round would deadlock against the others on PostgreSQL; the retries would hide
 * it from clients, so the test reads the retry counter the metrics expose.
 */
describe.each(TEST_DATABASES)('one lock order for redemptions, rollbacks and segments on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  async function retriedConflicts(): Promise<number> {
    const answer = await server.app.inject({ method: 'GET', url: '/metrics' });
    const line = answer.body.split('\n').find((text) => text.startsWith('vouch_transaction_conflicts_retried_total'));
    return Number(line?.split(' ')[1] ?? Number.NaN);
  }

  it('redeems with a changed and an unchanged customer and rolls back, in parallel, without a deadlock', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const api = rawApi(server.url, { appId: project.serverKey.app_id, secret: project.serverKey.app_token });
    // A filtered segment makes every redemption re-evaluate its customer's segments.
    await sdk.segments.create({
      name: 'VIP',
      type: 'auto-update',
      filter: { junction: 'and', 'metadata.tier': { conditions: { $is: ['vip'] } } },
    } as never);
    await sdk.customers.create({ source_id: 'locked' });
    await sdk.vouchers.create({
      code: 'LOCK-ORDER',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'PERCENT', percent_off: 10 },
    } as never);
    const before = await retriedConflicts();
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++) {
      const first = await api('POST', '/v1/vouchers/LOCK-ORDER/redemption', { customer: { source_id: 'locked' } });
      const answers = await Promise.all([
        api('POST', '/v1/vouchers/LOCK-ORDER/redemption', { customer: { source_id: 'locked' } }),
        api('POST', '/v1/vouchers/LOCK-ORDER/redemption', {
          customer: { source_id: 'locked', metadata: { round, tier: round % 2 ? 'vip' : 'basic' } },
        }),
        api('POST', `/v1/redemptions/${first.body.id}/rollback`, {}),
        api('POST', '/v1/vouchers/LOCK-ORDER/redemption', { customer: { source_id: 'locked', metadata: { round } } }),
      ]);
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await retriedConflicts()) - before).toBe(0);
  });

  it('stacks, tiers and single redemptions with and without counting rules, and their rollbacks, never deadlock', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const api = rawApi(server.url, { appId: project.serverKey.app_id, secret: project.serverKey.app_token });
    // A rule that counts the campaign's redemptions locks the campaign while it counts.
    const counting = (await sdk.validationRules.create({
      name: 'campaign under 100000',
      rules: { '1': { name: 'campaign.redemptions.count', conditions: { $less_than: [100000] } }, logic: '1' },
    } as never)) as { id: string };
    const campaign = (await sdk.promotions.create({
      name: 'Counted promotion',
      campaign_type: 'PROMOTION',
      promotion: {
        tiers: [
          {
            name: 'counted',
            action: { discount: { type: 'AMOUNT', amount_off: 100 } },
            validation_rules: [counting.id],
          },
          { name: 'plain', action: { discount: { type: 'AMOUNT', amount_off: 100 } } },
        ],
      },
    } as never)) as { promotion: { tiers: { id: string }[] } };
    const [counted, plain] = campaign.promotion.tiers.map((tier) => tier.id);
    await sdk.vouchers.create({
      code: 'SHARED-V',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 100 },
    } as never);
    const order = { amount: 10000 };
    const stack = (tierId: string | undefined) => ({
      redeemables: [
        { object: 'voucher', id: 'SHARED-V' },
        { object: 'promotion_tier', id: tierId },
      ],
      order,
    });
    const before = await retriedConflicts();
    const statuses: number[] = [];
    for (let round = 0; round < 8; round++) {
      const first = await api('POST', '/v1/redemptions', stack(counted));
      const single = await api('POST', `/v1/promotions/tiers/${counted}/redemption`, { order });
      const answers = await Promise.all([
        api('POST', '/v1/redemptions', stack(counted)),
        api('POST', '/v1/redemptions', stack(plain)),
        api('POST', '/v1/vouchers/SHARED-V/redemption', { order }),
        api('POST', `/v1/promotions/tiers/${counted}/redemption`, { order }),
        api('POST', `/v1/redemptions/${first.body.parent_redemption.id}/rollbacks`, {}),
        api('POST', `/v1/redemptions/${single.body.id}/rollback`, {}),
      ]);
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await retriedConflicts()) - before).toBe(0);
  });
});
