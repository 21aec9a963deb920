import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec, specViolations } from '../support/voucherify-spec.js';

const amountOff = (amount_off: number) => ({ discount: { type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' } });

/** The legacy spec types a validated tier's `valid` as a string; Voucherify answers a boolean. */
function expectValidationConforms(body: unknown): void {
  const problems = specViolations('post', '/v1/promotions/validation', 200, body, 'legacy').filter(
    (problem) => !/^\/promotions\/\d+\/valid must be string/.test(problem),
  );
  expect(problems).toEqual([]);
}

describe.each(TEST_DATABASES)('client-side promotion routes through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  const listTiers = async (project: TestProject, query = '') => {
    const response = await fetch(`${server.url}/client/v1/promotions/tiers${query}`, {
      headers: server.clientHeaders(project),
    });
    return { status: response.status, body: loose(await response.json()) };
  };

  const minimumRule = async (project: TestProject, minimum: number) =>
    loose(
      await server.sdk(project).validationRules.create({
        name: `at least ${minimum}`,
        rules: { '1': { name: 'order.amount', conditions: { $more_than_equal: [minimum] } }, logic: '1' },
      } as never),
    );

  /** Tiers at 100.00 and 300.00 of order amount, one without rules, one disabled and one expired. */
  async function storefrontPromotion(project: TestProject) {
    const sdk = server.sdk(project);
    const [low, high] = [await minimumRule(project, 10000), await minimumRule(project, 30000)];
    const campaign = loose(
      await sdk.promotions.create({
        name: 'Storefront tiers',
        campaign_type: 'PROMOTION',
        promotion: {
          tiers: [
            { name: 'Ten off at 100', action: amountOff(1000), validation_rules: [low.id], metadata: { badge: 'a' } },
            { name: 'Thirty off at 300', action: amountOff(3000), validation_rules: [high.id] },
            { name: 'One off always', action: amountOff(100) },
            { name: 'Switched off', action: amountOff(5000), active: false },
            { name: 'Expired', action: amountOff(5000), expiration_date: '2020-01-01T00:00:00.000Z' },
          ],
        },
      } as never),
    );
    return { campaign, tiers: campaign.promotion.tiers as Loose[] };
  }

  it('lists tiers in pages, is_available keeping those usable now, in the spec shape without totals', async () => {
    const project = await server.createProject();
    const { campaign, tiers } = await storefrontPromotion(project);

    const all = await listTiers(project);
    expect(all.status).toBe(200);
    expectConformsToSpec('get', '/client/v1/promotions/tiers', 200, all.body);
    expect(all.body).toMatchObject({ object: 'list', data_ref: 'tiers', total: 5, has_more: false });
    // Tiers created in one request share their creation time, so their ids order them.
    const ids = (body: Loose): string[] => body.tiers.map((tier: Loose) => tier.id);
    expect(ids(all.body).sort()).toEqual(tiers.map((tier) => tier.id).sort());
    expect(all.body.tiers.find((tier: Loose) => tier.id === tiers[0]?.id)).toMatchObject({
      id: tiers[0]?.id,
      name: 'Ten off at 100',
      action: amountOff(1000),
      metadata: { badge: 'a' },
      promotion_id: campaign.id,
      campaign: { id: campaign.id, active: true, object: 'campaign' },
      object: 'promotion_tier',
    });
    for (const tier of all.body.tiers) expect(tier.summary).toBeUndefined();

    const available = await listTiers(project, '?is_available=true');
    expectConformsToSpec('get', '/client/v1/promotions/tiers', 200, available.body);
    expect(available.body.tiers.map((tier: Loose) => tier.name).sort()).toEqual(
      ['Ten off at 100', 'Thirty off at 300', 'One off always'].sort(),
    );
    expect(available.body).toMatchObject({ total: 3, has_more: false });

    const pages = [];
    for (const page of [1, 2, 3])
      pages.push((await listTiers(project, `?limit=2&page=${page}&order=-created_at`)).body);
    expect(pages.map((page) => [page.tiers.length, page.total, page.has_more])).toEqual([
      [2, 5, true],
      [2, 5, true],
      [1, 5, false],
    ]);
    expect(pages.flatMap(ids)).toEqual([...ids(all.body)].reverse());

    const other = await listTiers(server.otherProject);
    expect(other.body.tiers.map((tier: Loose) => tier.id)).not.toContain(tiers[0]?.id);
    expect((await listTiers(project, '?limit=1000')).status).toBe(400);
  });

  it('validates a cart given as ClientSide.validate writes it, as the server-side validation does', async () => {
    const project = await server.createProject();
    const { campaign, tiers } = await storefrontPromotion(project);
    const [low, high, always] = tiers as [Loose, Loose, Loose];
    const client = server.clientSdk(project);

    const validation = loose(
      await client.validate({
        customer: { source_id: 'storefront-shopper' },
        items: [{ source_id: 'widget', related_object: 'product', quantity: 2, price: 7500 }],
        metadata: { channel: 'web' },
      } as never),
    );
    expectValidationConforms(validation);
    expect(validation.valid).toBe(true);
    expect(validation.tracking_id).toMatch(/^track_/);
    expect(validation.promotions.map((p: Loose) => [p.id, p.discount_amount])).toEqual([
      [low.id, 1000],
      [always.id, 100],
    ]);
    expect(validation.promotions[0]).toMatchObject({
      valid: true,
      name: 'Ten off at 100',
      campaign: { id: campaign.id, active: true, object: 'campaign' },
      order: { amount: 15000, total_discount_amount: 1000, total_amount: 14000 },
      metadata: { badge: 'a' },
    });

    const serverSide = loose(
      await server.sdk(project).promotions.validate({
        customer: { source_id: 'storefront-shopper' },
        order: { items: [{ source_id: 'widget', related_object: 'product', quantity: 2, price: 7500 }] },
      } as never),
    );
    expect(serverSide.promotions.map((p: Loose) => [p.id, p.discount_amount])).toEqual(
      validation.promotions.map((p: Loose) => [p.id, p.discount_amount]),
    );

    const big = loose(await client.validate({ amount: 40000 } as never));
    expect(big.promotions.map((p: Loose) => p.id)).toEqual([low.id, high.id, always.id]);
  });

  it('creates the customer it names but never rewrites a stored one', async () => {
    const project = await server.createProject();
    await storefrontPromotion(project);
    await server.sdk(project).customers.create({ source_id: 'known', name: 'Known Name', email: 'k@example.com' });

    const validation = loose(
      await server.clientSdk(project).validate({
        amount: 20000,
        customer: { source_id: 'known', name: 'Rewritten', email: 'evil@example.com' },
      } as never),
    );
    expect(validation.valid).toBe(true);
    const stored = loose(await server.sdk(project).customers.get('known'));
    expect(stored).toMatchObject({ name: 'Known Name', email: 'k@example.com' });

    await server.clientSdk(project).validate({ amount: 20000, customer: { source_id: 'new-shopper' } } as never);
    expect(loose(await server.sdk(project).customers.get('new-shopper')).source_id).toBe('new-shopper');
  });

  it('answers invalid with no promotions when nothing qualifies, and refuses validation sessions', async () => {
    const project = await server.createProject();
    expect(loose(await server.clientSdk(project).validate({ amount: 5000 } as never))).toEqual({
      valid: false,
      promotions: [],
    });
    const session = await fetch(`${server.url}/client/v1/promotions/validation?amount=100&session_type=LOCK`, {
      headers: server.clientHeaders(project),
    });
    expect(session.status).toBe(403);
    expect(loose(await session.json())).toMatchObject({ key: 'missing_required_feature' });
  });

  it('sees a tier the server side switched off at the next request', async () => {
    const project = await server.createProject();
    const { tiers } = await storefrontPromotion(project);
    const client = server.clientSdk(project);
    const before = loose(await client.validate({ amount: 20000 } as never));
    expect(before.promotions.map((p: Loose) => p.id)).toContain(tiers[2]?.id);
    const disabled = await fetch(`${server.url}/v1/promotions/tiers/${tiers[2]?.id}/disable`, {
      method: 'POST',
      headers: server.serverHeaders(project),
    });
    expect(disabled.status).toBe(200);
    const after = loose(await client.validate({ amount: 20000 } as never));
    expect(after.promotions.map((p: Loose) => p.id)).not.toContain(tiers[2]?.id);
  });
});
