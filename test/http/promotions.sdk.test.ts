import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;
const FIVE_OFF = { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' } as const;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(TEST_DATABASES)('promotion campaigns, tiers and stacks through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  /** The SDK's typings lag behind the API's fields; tests send what the API takes. */
  const createPromotion = (body: Record<string, unknown>, project?: TestProject) =>
    server
      .sdk(project)
      .promotions.create({ campaign_type: 'PROMOTION', ...body } as never)
      .then(loose);

  const twoTiers = (name: string, project?: TestProject) =>
    createPromotion(
      {
        name,
        promotion: {
          tiers: [
            { name: 'Ten percent', banner: '10% off', action: { discount: TENTH_OFF }, metadata: { level: 'B' } },
            { name: 'Five off', action: { discount: FIVE_OFF } },
          ],
        },
      },
      project,
    );

  /** Raw requests for what the SDK 2.9 does not call (enable, disable) or cannot send. */
  const request = async (method: string, path: string, project: TestProject, body?: unknown) => {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: server.serverHeaders(project),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: response.status === 204 ? null : loose(await response.json()) };
  };

  it('creates a PROMOTION campaign with its tiers and shows them in the campaign', async () => {
    const project = await server.createProject();
    const campaign = await twoTiers('Summer sale', project);
    expectConformsToSpec('post', '/v1/campaigns', 200, campaign);
    expect(campaign).toMatchObject({
      id: expect.stringMatching(/^camp_/),
      name: 'Summer sale',
      campaign_type: 'PROMOTION',
      type: 'STATIC',
      vouchers_count: 0,
      active: true,
      object: 'campaign',
      promotion: { object: 'list', data_ref: 'tiers', total: 2, has_more: false },
    });
    expect(campaign.voucher).toBeUndefined();
    const [first, second] = campaign.promotion.tiers;
    expect(first).toEqual({
      id: expect.stringMatching(/^promo_/),
      created_at: expect.stringMatching(TIMESTAMP),
      name: 'Ten percent',
      banner: '10% off',
      action: { discount: TENTH_OFF },
      metadata: { level: 'B' },
      hierarchy: 1,
      promotion_id: campaign.id,
      campaign: {
        id: campaign.id,
        start_date: null,
        expiration_date: null,
        active: true,
        category_id: null,
        object: 'campaign',
      },
      campaign_id: campaign.id,
      active: true,
      start_date: null,
      expiration_date: null,
      summary: { redemptions: { total_redeemed: 0 }, orders: { total_amount: 0, total_discount_amount: 0 } },
      object: 'promotion_tier',
      validation_rule_assignments: { object: 'list', data_ref: 'data', data: [], total: 0 },
      category_id: null,
      categories: [],
    });
    expect(second).toMatchObject({ name: 'Five off', banner: null, hierarchy: 2, action: { discount: FIVE_OFF } });

    const read = loose(await server.sdk(project).campaigns.get(campaign.id));
    expectConformsToSpec('get', '/v1/campaigns/{campaignId}', 200, read);
    expect(read.promotion).toEqual(campaign.promotion);
    const listed = loose(await server.sdk(project).campaigns.list({ campaign_type: 'PROMOTION' } as never));
    expect(listed.campaigns.map((c: Loose) => c.promotion.total)).toEqual([2]);
  });

  it('lists, reads, updates, disables, enables and deletes tiers', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const campaign = await twoTiers('Tiers', project);
    const [first, second] = campaign.promotion.tiers;

    const inCampaign = loose(await sdk.promotions.tiers.list(campaign.name));
    expectConformsToSpec('get', '/v1/promotions/{campaignId}/tiers', 200, inCampaign);
    expect(inCampaign).toEqual(campaign.promotion);

    const added = loose(
      await sdk.promotions.tiers.create(campaign.id, {
        name: 'Big spenders',
        action: { discount: { type: 'PERCENT', percent_off: 20 } },
        start_date: '2026-01-01T00:00:00Z',
        validity_day_of_week: [5, 6],
      } as never),
    );
    expectConformsToSpec('post', '/v1/promotions/{campaignId}/tiers', 200, added);
    expect(added).toMatchObject({ hierarchy: 3, start_date: '2026-01-01T00:00:00.000Z', validity_day_of_week: [5, 6] });

    const read = loose(await sdk.promotions.tiers.get(first.id));
    expectConformsToSpec('get', '/v1/promotions/tiers/{promotionTierId}', 200, read);
    expect(read).toEqual(first);

    const updated = loose(
      await sdk.promotions.tiers.update({
        id: first.id,
        banner: 'Now 15%',
        action: { discount: { type: 'PERCENT', percent_off: 15 } },
        hierarchy: 9,
      } as never),
    );
    expectConformsToSpec('put', '/v1/promotions/tiers/{promotionTierId}', 200, updated);
    expect(updated).toMatchObject({
      id: first.id,
      name: 'Ten percent',
      banner: 'Now 15%',
      action: { discount: { type: 'PERCENT', percent_off: 15 } },
      hierarchy: 9,
      metadata: { level: 'B' },
      created_at: first.created_at,
      updated_at: expect.stringMatching(TIMESTAMP),
    });

    const disabled = await request('POST', `/promotions/tiers/${second.id}/disable`, project);
    expect(disabled.status).toBe(200);
    expectConformsToSpec('post', '/v1/promotions/tiers/{promotionTierId}/disable', 200, disabled.body);
    expect(disabled.body).toMatchObject({ id: second.id, active: false });
    const all = loose(await sdk.promotions.tiers.listAll());
    expectConformsToSpec('get', '/v1/promotions/tiers', 200, all);
    expect(all).toMatchObject({ object: 'list', data_ref: 'tiers', total: 3, has_more: false });
    expect(all.tiers.map((t: Loose) => t.id)).toEqual([first.id, second.id, added.id]);
    const available = loose(await sdk.promotions.tiers.listAll({ is_available: true }));
    expect(available.tiers.map((t: Loose) => t.id)).toEqual([first.id, added.id]);
    const enabled = await request('POST', `/promotions/tiers/${second.id}/enable`, project);
    expectConformsToSpec('post', '/v1/promotions/tiers/{promotionTierId}/enable', 200, enabled.body);
    expect(enabled.body).toMatchObject({ id: second.id, active: true });

    // A disabled campaign makes none of its tiers available, and stores nothing on them.
    await sdk.campaigns.disable(campaign.id);
    expect(loose(await sdk.promotions.tiers.listAll({ is_available: true })).tiers).toEqual([]);
    expect(loose(await sdk.promotions.tiers.get(second.id))).toMatchObject({
      active: true,
      campaign: { active: false },
    });
    await sdk.campaigns.enable(campaign.id);

    const paged = loose(await sdk.promotions.tiers.listAll({ limit: 2, page: 2 }));
    expect(paged).toMatchObject({ total: 3, has_more: false });
    expect(paged.tiers.map((t: Loose) => t.id)).toEqual([added.id]);

    await sdk.promotions.tiers.delete(added.id);
    await expect(sdk.promotions.tiers.get(added.id)).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      details: `Cannot find promotion_tier with id ${added.id}`,
    });
    await expect(sdk.promotions.tiers.delete(added.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.campaigns.get(campaign.id)).promotion.total).toBe(2);
  });

  it('creates, lists, reads, updates and deletes stacks of a campaign', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const campaign = await twoTiers('Stacked', project);
    const [first, second] = campaign.promotion.tiers;
    const category = loose(await sdk.categories.create({ name: 'Weekend', hierarchy: 1 } as never));

    const stack = loose(
      await sdk.promotions.stack.createInCampaign(campaign.id, {
        name: 'Both',
        tiers: { ids: [second.id, first.id], hierarchy_mode: 'MANUAL' },
        category_id: category.id,
      }),
    );
    expectConformsToSpec('post', '/v1/promotions/{campaignId}/stacks', 200, stack);
    expect(stack).toEqual({
      id: expect.stringMatching(/^stack_/),
      name: 'Both',
      tiers: { ids: [second.id, first.id], hierarchy_mode: 'MANUAL' },
      created_at: expect.stringMatching(TIMESTAMP),
      updated_at: null,
      campaign_id: campaign.id,
      object: 'promotion_stack',
      category_id: category.id,
      categories: [expect.objectContaining({ id: category.id, name: 'Weekend', object: 'category' })],
    });

    const read = loose(await sdk.promotions.stack.get(campaign.name, stack.id));
    expectConformsToSpec('get', '/v1/promotions/{campaignId}/stacks/{stackId}', 200, read);
    expect(read).toEqual(stack);

    const updated = loose(
      await sdk.promotions.stack.update(campaign.id, stack.id, { name: 'First only', tiers: { ids: [first.id] } }),
    );
    expectConformsToSpec('put', '/v1/promotions/{campaignId}/stacks/{stackId}', 200, updated);
    expect(updated).toMatchObject({
      name: 'First only',
      tiers: { ids: [first.id], hierarchy_mode: 'MANUAL' },
      category_id: category.id,
    });
    expect(updated.updated_at).toMatch(TIMESTAMP);

    const second_stack = loose(
      await sdk.promotions.stack.createInCampaign(campaign.id, { name: 'Second', tiers: { ids: [second.id] } }),
    );
    const inCampaign = loose(await sdk.promotions.stack.listInCampaign(campaign.id));
    expectConformsToSpec('get', '/v1/promotions/{campaignId}/stacks', 200, inCampaign);
    expect(inCampaign).toMatchObject({ object: 'list', data_ref: 'data', total: 2 });
    expect(inCampaign.data.map((s: Loose) => s.id)).toEqual([stack.id, second_stack.id]);
    const all = loose(await sdk.promotions.stack.list());
    expectConformsToSpec('get', '/v1/promotions/stacks', 200, all);
    expect(all.data.map((s: Loose) => s.id)).toEqual([second_stack.id, stack.id]);

    // A tier a stack holds cannot be deleted from under it.
    await expect(sdk.promotions.tiers.delete(second.id)).rejects.toMatchObject({
      code: 400,
      key: 'resource_in_use',
      details: expect.stringContaining(second_stack.id),
    });
    await sdk.promotions.stack.delete(campaign.id, second_stack.id);
    await sdk.promotions.tiers.delete(second.id);
    await expect(sdk.promotions.stack.get(campaign.id, second_stack.id)).rejects.toMatchObject({ code: 404 });
    await expect(sdk.promotions.stack.delete(campaign.id, second_stack.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.promotions.stack.list()).total).toBe(1);
  });

  it('assigns validation rules to tiers, at creation and later, and shows them on the tier', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = loose(
      await sdk.validationRules.create({
        name: 'Big orders',
        rules: { '1': { name: 'order.amount', conditions: { $more_than: [10000] } }, logic: '1' },
      } as never),
    );
    const campaign = await createPromotion(
      {
        name: 'Ruled',
        promotion: { tiers: [{ name: 'Ruled tier', action: { discount: TENTH_OFF }, validation_rules: [rule.id] }] },
      },
      project,
    );
    const [tier] = campaign.promotion.tiers;
    expect(tier.validation_rule_assignments).toMatchObject({
      total: 1,
      data: [{ rule_id: rule.id, related_object_id: tier.id, related_object_type: 'promotion_tier' }],
    });

    const other = loose(
      await sdk.promotions.tiers.create(campaign.id, { name: 'Plain', action: { discount: FIVE_OFF } } as never),
    );
    const assignment = loose(await sdk.validationRules.createAssignment(rule.id, { promotion_tier: other.id }));
    expect(assignment).toMatchObject({ related_object_id: other.id, related_object_type: 'promotion_tier' });
    expect(loose(await sdk.promotions.tiers.get(other.id)).validation_rule_assignments.total).toBe(1);
    await expect(
      sdk.validationRules.createAssignment(rule.id, { promotion_tier: 'promo_nothing' }),
    ).rejects.toMatchObject({
      code: 404,
    });

    const cleared = loose(await sdk.promotions.tiers.update({ id: other.id, validation_rules: [] } as never));
    expect(cleared.validation_rule_assignments.total).toBe(0);
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(1);

    // Deleting the campaign takes its tiers, stacks and their rule assignments with it.
    await sdk.promotions.stack.createInCampaign(campaign.id, { name: 'S', tiers: { ids: [tier.id] } });
    await sdk.campaigns.delete(campaign.id);
    await expect(sdk.promotions.tiers.get(tier.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.promotions.tiers.listAll()).total).toBe(0);
    expect(loose(await sdk.promotions.stack.list()).total).toBe(0);
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(0);
  });

  it('refuses bad input with a 400 naming the property, storing nothing', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const badTier = { name: 'Bad', action: { discount: { type: 'PERCENT', percent_off: 150 } } };
    await expect(
      createPromotion(
        { name: 'Broken', promotion: { tiers: [{ name: 'Fine', action: { discount: TENTH_OFF } }, badTier] } },
        project,
      ),
    ).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringContaining('Property .promotion.tiers[1].action.discount.percent_off'),
    });
    await expect(
      createPromotion({ name: 'No name', promotion: { tiers: [{ action: { discount: TENTH_OFF } }] } }, project),
    ).rejects.toMatchObject({
      code: 400,
      details: "Property .promotion.tiers[0] should have required property 'name'",
    });
    await expect(
      createPromotion(
        {
          name: 'Missing rule',
          promotion: { tiers: [{ ...badTier, action: { discount: TENTH_OFF }, validation_rules: ['val_nope'] }] },
        },
        project,
      ),
    ).rejects.toMatchObject({ code: 404 });
    await expect(
      createPromotion({ name: 'With codes', voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF } }, project),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('holds no vouchers') });
    await expect(
      sdk.campaigns.create({
        name: 'Coupons',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
        promotion: { tiers: [] },
      } as never),
    ).rejects.toMatchObject({ code: 400, details: 'Property .promotion is for PROMOTION campaigns only' });
    expect(loose(await sdk.campaigns.list()).total).toBe(0);
    expect(loose(await sdk.promotions.tiers.listAll()).total).toBe(0);

    const campaign = await twoTiers('Good', project);
    const [first] = campaign.promotion.tiers;
    await expect(
      sdk.campaigns.update(campaign.id, { voucher: { discount: TENTH_OFF } } as never),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('holds no vouchers') });
    const described = loose(await sdk.campaigns.update(campaign.id, { description: 'Tiers stay' } as never));
    expectConformsToSpec('put', '/v1/campaigns/{campaignId}', 200, described);
    expect(described).toMatchObject({ description: 'Tiers stay', promotion: { total: 2 } });
    await expect(sdk.campaigns.addVoucher(campaign.id, {} as never)).rejects.toMatchObject({
      code: 400,
      details: expect.stringContaining('PROMOTION campaign'),
    });
    await expect(sdk.promotions.tiers.create(campaign.id, { name: 'No action' })).rejects.toMatchObject({
      code: 400,
      details: "Property . should have required property 'action'",
    });
    await expect(
      sdk.promotions.tiers.update({ id: first.id, validity_timeframe: { interval: 'P1D', duration: 'PT1H' } } as never),
    ).rejects.toMatchObject({ code: 400, details: 'Property .start_date is required when validity_timeframe is set' });
    await expect(sdk.promotions.tiers.update({ id: first.id, hierarchy: -1 } as never)).rejects.toMatchObject({
      code: 400,
    });
    await expect(sdk.promotions.tiers.update({ id: first.id, category_id: 'cat_nope' } as never)).rejects.toMatchObject(
      { code: 404 },
    );
    await expect(
      sdk.promotions.tiers.create('No such campaign', { name: 'T', action: { discount: TENTH_OFF } } as never),
    ).rejects.toMatchObject({
      code: 404,
    });
    await expect(
      sdk.promotions.stack.createInCampaign(campaign.id, { name: 'Empty', tiers: { ids: [] } }),
    ).rejects.toMatchObject({
      code: 400,
      details: expect.stringContaining('.tiers.ids'),
    });
    await expect(
      sdk.promotions.stack.createInCampaign(campaign.id, { name: 'Ghost', tiers: { ids: [first.id, 'promo_ghost'] } }),
    ).rejects.toMatchObject({ code: 404, details: 'Cannot find promotion_tier with id promo_ghost' });
    const otherCampaign = await twoTiers('Other', project);
    await expect(
      sdk.promotions.stack.createInCampaign(campaign.id, {
        name: 'Mixed',
        tiers: { ids: [otherCampaign.promotion.tiers[0].id] },
      }),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('of another campaign') });
    const coupons = loose(
      await sdk.campaigns.create({
        name: 'Coupons',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never),
    );
    await expect(sdk.promotions.tiers.list(coupons.id)).rejects.toMatchObject({
      code: 400,
      details: expect.stringContaining('belong to PROMOTION campaigns'),
    });
    expect(loose(await sdk.promotions.stack.list()).total).toBe(0);
    expect(loose(await sdk.promotions.tiers.get(first.id))).toEqual(first);
  });

  it('keeps projects apart', async () => {
    const project = await server.createProject();
    const other = await server.createProject();
    const campaign = await twoTiers('Mine', project);
    const [tier] = campaign.promotion.tiers;
    const foreign = server.sdk(other);
    await expect(foreign.promotions.tiers.get(tier.id)).rejects.toMatchObject({ code: 404 });
    await expect(foreign.promotions.tiers.list(campaign.id)).rejects.toMatchObject({ code: 404 });
    await expect(foreign.promotions.tiers.delete(tier.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await foreign.promotions.tiers.listAll()).total).toBe(0);
  });

  it('ranks tiers added at the same time one after another', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const campaign = await createPromotion({ name: 'Busy' }, project);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sdk.promotions.tiers.create(campaign.id, { name: `T${i}`, action: { discount: TENTH_OFF } } as never),
      ),
    );
    const tiers = loose(await sdk.promotions.tiers.list(campaign.id)).tiers as Loose[];
    expect(tiers.map((t) => t.hierarchy)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
