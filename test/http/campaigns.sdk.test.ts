import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../../src/app/async-actions/async-action-handler.js';
import { generateVouchers, runCampaignVouchersGenerate } from '../../src/app/campaigns/generate-vouchers.js';
import { randomIds } from '../../src/app/random-ids.js';
import { systemClock } from '../../src/app/system-clock.js';
import { codeConfigFor } from '../../src/app/vouchers/code-generation.js';
import { writeTempCsv } from '../support/csv-files.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;

describe.each(TEST_DATABASES)('campaigns through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  /** The SDK's typings lag behind the API's fields; tests send what the API takes. */
  const createCampaign = (body: Record<string, unknown>, project?: TestProject) =>
    server
      .sdk(project)
      .campaigns.create(body as never)
      .then(loose);

  const coupons = (name: string, count: number, voucher: Record<string, unknown> = {}) => ({
    name,
    campaign_type: 'DISCOUNT_COUPONS',
    type: 'STATIC',
    vouchers_count: count,
    voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF, ...voucher },
  });

  /** Every voucher of a campaign, page by page. */
  async function allCodes(project: TestProject, campaign: string): Promise<Loose[]> {
    const sdk = server.sdk(project);
    const vouchers: Loose[] = [];
    for (let page = 1; ; page++) {
      const list = loose(await sdk.vouchers.list({ campaign, limit: 100, page }));
      vouchers.push(...list.vouchers);
      if (list.vouchers.length < 100) return vouchers;
    }
  }

  /** The only async action of a fresh project: what a create or delete queued. */
  async function onlyAction(project: TestProject) {
    const list = await server.sdk(project).asyncActions.list({ limit: 10 });
    expect(list.async_actions).toHaveLength(1);
    return waitForAsyncAction(server, (list.async_actions[0] as { id: string }).id, project);
  }

  it('creates a small campaign with its codes in the request, and reads it by id and by name', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const category = loose(await sdk.categories.create({ name: 'Coupons', hierarchy: 2 }));
    const created = await createCampaign(
      {
        ...coupons('Spring', 25, {
          code_config: { pattern: 'SPRING-####-##', charset: 'ABCDEFGH' },
          redemption: { quantity: 1 },
          start_date: '2030-03-01T00:00:00.000Z',
        }),
        description: 'Spring coupons',
        category: 'Coupons',
        start_date: '2030-03-01T00:00:00.000Z',
        expiration_date: '2030-06-01T00:00:00.000Z',
        validity_day_of_week: [1, 2, 3, 4, 5],
        validity_timeframe: { interval: 'P1D', duration: 'PT12H' },
        metadata: { region: 'EU' },
        join_once: true,
        activity_duration_after_publishing: 'P24D',
      },
      project,
    );
    expectConformsToSpec('post', '/v1/campaigns', 200, created);
    expect(created).toMatchObject({
      name: 'Spring',
      description: 'Spring coupons',
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'STATIC',
      object: 'campaign',
      vouchers_count: 25,
      vouchers_generation_status: 'DONE',
      creation_status: 'DONE',
      active: true,
      join_once: true,
      auto_join: false,
      activity_duration_after_publishing: 'P24D',
      category: 'Coupons',
      category_id: category.id,
      categories: [{ id: category.id, name: 'Coupons' }],
      metadata: { region: 'EU' },
      validity_day_of_week: [1, 2, 3, 4, 5],
      validity_timeframe: { interval: 'P1D', duration: 'PT12H' },
      voucher: {
        type: 'DISCOUNT_VOUCHER',
        discount: TENTH_OFF,
        redemption: { quantity: 1 },
        code_config: { pattern: 'SPRING-####-##', charset: 'ABCDEFGH', length: 6 },
        is_referral_code: false,
        start_date: '2030-03-01T00:00:00.000Z',
      },
      validation_rules_assignments: { object: 'list', data_ref: 'data', data: [], total: 0 },
    });
    expect(created.id).toMatch(/^camp_/);

    const byId = loose(await sdk.campaigns.get(created.id));
    expectConformsToSpec('get', '/v1/campaigns/{campaignId}', 200, byId);
    expect(byId).toEqual(created);
    expect(loose(await sdk.campaigns.get('Spring'))).toEqual(created);

    const vouchers = await allCodes(project, 'Spring');
    expect(vouchers).toHaveLength(25);
    expect(new Set(vouchers.map((v) => v.code)).size).toBe(25);
    for (const voucher of vouchers) {
      expect(voucher.code).toMatch(/^SPRING-[A-H]{4}-[A-H]{2}$/);
      expect(voucher).toMatchObject({
        campaign: 'Spring',
        campaign_id: created.id,
        category: 'Coupons',
        discount: TENTH_OFF,
        redemption: { quantity: 1 },
        start_date: '2030-03-01T00:00:00.000Z',
      });
    }
    expectConformsToSpec('get', '/v1/vouchers/{code}', 200, vouchers[0]);
  });

  it('generates thousands of codes asynchronously, reporting progress until DONE', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const created = await createCampaign(coupons('Big', 5000, { code_config: { pattern: 'BIG-#####' } }), project);
    expect(created).toMatchObject({ vouchers_generation_status: 'IN_PROGRESS', creation_status: 'IN_PROGRESS' });
    expect(created.vouchers_count).toBeLessThanOrEqual(5000);

    const done = loose(await onlyAction(project));
    expectConformsToSpec('get', '/v1/async-actions/{asyncActionId}', 200, done);
    expect(done).toMatchObject({
      type: 'CAMPAIGN.VOUCHERS_GENERATE',
      status: 'DONE',
      operation_status: 'SUCCESS',
      progress: 100,
      result: { done_count: 5000, failed_count: 0 },
    });
    expect(loose(await sdk.campaigns.get('Big'))).toMatchObject({
      vouchers_count: 5000,
      vouchers_generation_status: 'DONE',
    });
    const list = loose(await sdk.vouchers.list({ campaign: 'Big', limit: 100 }));
    expect(list.total).toBe(5000);
    expect(list.vouchers.every((v: Loose) => /^BIG-[0-9A-Za-z]{5}$/.test(v.code))).toBe(true);
  });

  it('finishes an interrupted generation without making more codes than asked', async () => {
    const project = await server.createProject();
    const created = await createCampaign(coupons('Resumed', 0, { code_config: { length: 10 } }), project);
    const projectRow = await server.store.projects.findById(project.id);
    if (!projectRow) throw new Error('project missing');
    const ctx: JobContext = {
      project: projectRow,
      store: server.store.forProject(project.id),
      clock: systemClock,
      ids: randomIds,
      work: server.worker,
      requestId: null,
      reportProgress: async () => {},
    };
    const campaign = await ctx.store.campaigns.findById(created.id);
    if (!campaign) throw new Error('campaign missing');
    // A first worker committed 250 of 600 codes, then died.
    await generateVouchers(ctx, campaign, 250, { config: codeConfigFor(projectRow, campaign.voucher.code_config) });
    const payload = { campaign_id: campaign.id, baseline: 0, count: 600 };
    const result = await runCampaignVouchersGenerate(ctx, payload);
    expect(result.done_count).toBe(600);
    // Run again, as after a crash between the last batch and the job's end: nothing more is made.
    await runCampaignVouchersGenerate(ctx, payload);
    expect(await ctx.store.vouchers.countInCampaign(campaign.id)).toBe(600);
    expect(loose(await server.sdk(project).campaigns.get(campaign.id)).vouchers_count).toBe(600);
  });

  it('refuses a code pattern too small for the count before writing anything', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await expect(
      createCampaign(coupons('Tiny', 50, { code_config: { pattern: 'T-##', charset: '0123456789' } }), project),
    ).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringMatching(/T-##.*100 codes.*50/),
    });
    await expect(sdk.campaigns.get('Tiny')).rejects.toMatchObject({ code: 404 });
    await expect(
      createCampaign(coupons('Bad charset', 1, { code_config: { charset: 'AAB' } }), project),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('.voucher.code_config.charset') });
    const small = await createCampaign(
      coupons('Small', 5, { code_config: { pattern: 'S-##', charset: '0123456789' } }),
      project,
    );
    await expect(sdk.campaigns.addVoucher(small.id, {}, { vouchers_count: 6 })).rejects.toMatchObject({ code: 400 });
    expect((await sdk.asyncActions.list({})).async_actions).toHaveLength(0);
  });

  it('refuses a taken name, types not supported yet and a template without a discount', async () => {
    const project = await server.createProject();
    await createCampaign(coupons('Unique', 0), project);
    await expect(createCampaign(coupons('Unique', 0), project)).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
      details: expect.stringContaining('Unique'),
    });
    for (const campaignType of ['LOYALTY_PROGRAM']) {
      await expect(
        createCampaign({ ...coupons(campaignType, 0), campaign_type: campaignType }, project),
      ).rejects.toMatchObject({ code: 403, key: 'missing_required_feature' });
    }
    await expect(
      createCampaign({ name: 'Giftless', voucher: { type: 'GIFT_VOUCHER', gift: { amount: 100 } } }, project),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('DISCOUNT_VOUCHER') });
    await expect(
      createCampaign({ name: 'No discount', voucher: { type: 'DISCOUNT_VOUCHER' } }, project),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('discount') });
    await expect(
      createCampaign({ ...coupons('Ruled', 0), validation_rules: ['val_1'] }, project),
    ).rejects.toMatchObject({ code: 404, key: 'not_found' });
  });

  it('keeps a STANDALONE campaign to a single voucher', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await expect(createCampaign({ ...coupons('Pair', 2), type: 'STANDALONE' }, project)).rejects.toMatchObject({
      code: 400,
    });
    const solo = await createCampaign({ ...coupons('Solo', 1), type: 'STANDALONE' }, project);
    expect(solo).toMatchObject({ type: 'STANDALONE', vouchers_count: 1 });
    await expect(sdk.campaigns.addVoucher('Solo')).rejects.toMatchObject({ code: 400 });
    await expect(sdk.vouchers.create({ code: 'SOLO-2', campaign: 'Solo' } as never)).rejects.toMatchObject({
      code: 400,
    });
  });

  it('updates a campaign, and its vouchers follow at once unless they override the field', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await createCampaign(coupons('Evolving', 3, { redemption: { quantity: 1 } }), project);
    const own = loose(
      await sdk.campaigns.addCertainVoucher('Evolving', 'EVOLVING-OWN', { redemption: { quantity: 9 } } as never),
    );
    expect(own.redemption.quantity).toBe(9);

    const updated = loose(
      await sdk.campaigns.update('Evolving', {
        description: 'now 25% off',
        expiration_date: '2031-01-01T00:00:00.000Z',
        metadata: { season: 'winter' },
        voucher: { discount: { type: 'PERCENT', percent_off: 25 }, redemption: { quantity: 2 } },
      } as never),
    );
    expectConformsToSpec('put', '/v1/campaigns/{campaignId}', 200, updated);
    expect(updated).toMatchObject({
      description: 'now 25% off',
      expiration_date: '2031-01-01T00:00:00.000Z',
      metadata: { season: 'winter' },
      voucher: { discount: { type: 'PERCENT', percent_off: 25 }, redemption: { quantity: 2 } },
    });
    expect(updated.updated_at).not.toBeNull();
    for (const voucher of await allCodes(project, 'Evolving')) {
      expect(voucher.discount).toEqual({ type: 'PERCENT', percent_off: 25 });
      expect(voucher.redemption.quantity).toBe(voucher.code === 'EVOLVING-OWN' ? 9 : 2);
    }
    // Voucherify's spec sends a coupon campaign's discount at the top level.
    await sdk.campaigns.update('Evolving', { discount: { type: 'AMOUNT', amount_off: 700 } } as never);
    expect(loose(await sdk.vouchers.get('EVOLVING-OWN')).discount).toEqual({ type: 'AMOUNT', amount_off: 700 });
    await expect(sdk.campaigns.update('Evolving', { type: 'STANDALONE' } as never)).rejects.toMatchObject({
      code: 400,
    });
    await expect(sdk.campaigns.update('Nope', { description: 'x' } as never)).rejects.toMatchObject({ code: 404 });
    // Dates are checked as they stand after the update: an expiration alone may not go before the stored start.
    await sdk.campaigns.update('Evolving', { start_date: '2030-01-10T00:00:00.000Z' } as never);
    await expect(
      sdk.campaigns.update('Evolving', { expiration_date: '2030-01-05T00:00:00.000Z' } as never),
    ).rejects.toMatchObject({ code: 400, details: 'Property .expiration_date should not be before start_date' });
    await expect(
      sdk.campaigns.update('Evolving', { voucher: { expiration_date: '2030-01-05T00:00:00.000Z' } } as never),
    ).rejects.toMatchObject({
      code: 400,
      details: 'Property .voucher.expiration_date should not be before start_date',
    });
    expect(loose(await sdk.campaigns.get('Evolving')).expiration_date).toBe('2031-01-01T00:00:00.000Z');
  });

  it('enables and disables a campaign, answering {}; its vouchers keep their own switch', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const campaign = await createCampaign(coupons('Switchable', 1), project);
    expect(await sdk.campaigns.disable(campaign.id)).toEqual({});
    expect(loose(await sdk.campaigns.get(campaign.id)).active).toBe(false);
    const [voucher] = await allCodes(project, 'Switchable');
    expect(voucher?.active).toBe(true);
    expect(await sdk.campaigns.enable('Switchable')).toEqual({});
    expect(loose(await sdk.campaigns.get(campaign.id)).active).toBe(true);
  });

  it('adds one voucher (answered) or many (async) and a voucher with a chosen code', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await sdk.categories.create({ name: 'Added', hierarchy: 1 });
    const campaign = await createCampaign(coupons('Growing', 2, { code_config: { pattern: 'GROW-######' } }), project);

    const one = loose(
      await sdk.campaigns.addVoucher('Growing', {
        metadata: { batch: 'one' },
        category: 'Added',
        additional_info: 'added later',
        redemption: { quantity: 4 },
      }),
    );
    expectConformsToSpec('post', '/v1/campaigns/{campaignId}/vouchers', 200, one);
    expect(one).toMatchObject({
      campaign: 'Growing',
      campaign_id: campaign.id,
      category: 'Added',
      metadata: { batch: 'one' },
      additional_info: 'added later',
      redemption: { quantity: 4 },
      discount: TENTH_OFF,
    });
    expect(one.code).toMatch(/^GROW-[0-9A-Za-z]{6}$/);

    const custom = loose(await sdk.campaigns.addVoucher('Growing', { code_config: { pattern: 'ALT-###' } }));
    expect(custom.code).toMatch(/^ALT-/);

    const many = loose(
      await sdk.campaigns.addVoucher(campaign.id, { metadata: { batch: 'many' } }, { vouchers_count: 150 }),
    );
    expectConformsToSpec('post', '/v1/campaigns/{campaignId}/vouchers', 202, many);
    const done = loose(await waitForAsyncAction(server, many.async_action_id, project));
    expect(done).toMatchObject({ type: 'CAMPAIGN.VOUCHERS_GENERATE', status: 'DONE' });
    const all = await allCodes(project, 'Growing');
    expect(all).toHaveLength(154);
    expect(all.filter((v) => v.metadata.batch === 'many')).toHaveLength(150);
    expect(loose(await sdk.campaigns.get('Growing')).vouchers_count).toBe(154);

    const certain = loose(
      await sdk.campaigns.addCertainVoucher('Growing', 'GROW-CHOSEN', { metadata: { chosen: true } }),
    );
    expectConformsToSpec('post', '/v1/campaigns/{campaignId}/vouchers/{code}', 200, certain);
    expect(certain).toMatchObject({ code: 'GROW-CHOSEN', campaign: 'Growing', metadata: { chosen: true } });
    await expect(sdk.campaigns.addCertainVoucher('Growing', 'GROW-CHOSEN')).rejects.toMatchObject({ code: 409 });
    await expect(sdk.campaigns.addCertainVoucher('Nope', 'ANY')).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.campaigns.get('Growing')).vouchers_count).toBe(155);

    // A voucher created through the vouchers API with `campaign` joins the campaign too.
    const joined = loose(await sdk.vouchers.create({ code: 'GROW-JOINED', campaign: 'Growing' } as never));
    expect(joined).toMatchObject({ campaign: 'Growing', discount: TENTH_OFF });
  });

  it('imports codes into a campaign, as JSON and as CSV; they inherit the campaign', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await createCampaign(coupons('Imported', 0, { redemption: { quantity: 3 } }), project);
    await sdk.vouchers.create({ code: 'TAKEN-ELSEWHERE', discount: TENTH_OFF } as never);
    const queued = await sdk.campaigns.importVouchers('Imported', [
      { code: 'IMP-A', metadata: { source: 'json' }, active: false },
      { code: 'IMP-B', redemption: { quantity: 7 } },
      { code: 'TAKEN-ELSEWHERE' },
    ] as never);
    expectConformsToSpec('post', '/v1/campaigns/{campaignId}/import', 202, queued);
    const done = loose(await waitForAsyncAction(server, queued.async_action_id, project));
    expect(done).toMatchObject({ type: 'CAMPAIGN.VOUCHERS_IMPORT', status: 'DONE' });
    expect(done.result).toMatchObject({ done_count: 2, failed_count: 1, failed: [{ code: 'TAKEN-ELSEWHERE' }] });
    expect(loose(await sdk.vouchers.get('IMP-A'))).toMatchObject({
      campaign: 'Imported',
      active: false,
      metadata: { source: 'json' },
      discount: TENTH_OFF,
      redemption: { quantity: 3 },
    });
    expect(loose(await sdk.vouchers.get('IMP-B')).redemption.quantity).toBe(7);

    const file = writeTempCsv(
      'campaign-codes',
      'Code,Active,Redeemed Quantity,Colour\nCSV-A,true,2,red\nCSV-B,maybe,,\n',
    );
    const csv = await sdk.campaigns.importVouchersCSV('Imported', file);
    const csvDone = loose(await waitForAsyncAction(server, csv.async_action_id, project));
    expect(csvDone).toMatchObject({ type: 'CAMPAIGN.VOUCHERS_IMPORT_CSV', status: 'DONE' });
    expect(csvDone.result).toMatchObject({ done_count: 1, failed_count: 1, failed: [{ code: 'CSV-B', row: 2 }] });
    expect(loose(await sdk.vouchers.get('CSV-A'))).toMatchObject({
      campaign: 'Imported',
      metadata: { Colour: 'red' },
      redemption: { quantity: 3, redeemed_quantity: 2 },
    });
    expect(loose(await sdk.campaigns.get('Imported')).vouchers_count).toBe(3);
    await expect(sdk.campaigns.importVouchers('Nope', [{ code: 'X' }] as never)).rejects.toMatchObject({ code: 404 });
    await expect(sdk.campaigns.importVouchersCSV('Nope', file)).rejects.toMatchObject({ code: 404 });
  });

  it('deletes a campaign with 202 and an async action: its vouchers go to the bin, or for good with force', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const binned = await createCampaign(coupons('Binned', 3, { code_config: { pattern: 'BIN-######' } }), project);
    const binnedCodes = (await allCodes(project, 'Binned')).map((v) => v.code as string);

    const answer = await fetch(`${server.url}/v1/campaigns/Binned`, {
      method: 'DELETE',
      headers: server.serverHeaders(project),
    });
    expect(answer.status).toBe(202);
    const { async_action_id: actionId } = loose(await answer.json());
    expect(actionId).toMatch(/^aa_/);
    const done = loose(await waitForAsyncAction(server, actionId, project));
    expect(done).toMatchObject({ type: 'CAMPAIGN.VOUCHERS_DELETE', status: 'DONE', result: { done_count: 3 } });
    await expect(sdk.campaigns.get('Binned')).rejects.toMatchObject({ code: 404 });
    await expect(sdk.vouchers.get(binnedCodes[0] as string)).rejects.toMatchObject({ code: 404 });
    // In the bin, the name and the codes stay taken.
    await expect(createCampaign(coupons('Binned', 0), project)).rejects.toMatchObject({ code: 409 });
    await expect(sdk.vouchers.create({ code: binnedCodes[0], discount: TENTH_OFF } as never)).rejects.toMatchObject({
      code: 409,
    });

    const forced = loose(await sdk.campaigns.delete(binned.id, { force: true }));
    await waitForAsyncAction(server, forced.async_action_id, project);
    expect(loose(await sdk.vouchers.create({ code: binnedCodes[0], discount: TENTH_OFF } as never)).code).toBe(
      binnedCodes[0],
    );
    expect((await createCampaign(coupons('Binned', 0), project)).name).toBe('Binned');
    await expect(sdk.campaigns.delete('Nope')).rejects.toMatchObject({ code: 404 });
  });

  it('lists campaigns with paging, order and the campaign_type filter', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    for (const name of ['L1', 'L2', 'L3']) await createCampaign(coupons(name, 0), project);
    const first = loose(await sdk.campaigns.list({ limit: 2, page: 1 }));
    expectConformsToSpec('get', '/v1/campaigns', 200, first);
    expect(first).toMatchObject({ object: 'list', data_ref: 'campaigns', total: 3 });
    expect(first.campaigns.map((c: Loose) => c.name)).toEqual(['L3', 'L2']);
    expect(loose(await sdk.campaigns.list({ limit: 2, page: 2 })).campaigns.map((c: Loose) => c.name)).toEqual(['L1']);
    const ascending = loose(await sdk.campaigns.list({ order: 'created_at' } as never));
    expect(ascending.campaigns.map((c: Loose) => c.name)).toEqual(['L1', 'L2', 'L3']);
    expect(loose(await sdk.campaigns.list({ campaign_type: 'DISCOUNT_COUPONS' })).total).toBe(3);
    expect(loose(await sdk.campaigns.list({ campaign_type: 'PROMOTION' })).total).toBe(0);
  });

  it("answers 404 for another project's campaign", async () => {
    const mine = await createCampaign(coupons('Mine only', 1));
    const theirs = server.sdk(server.otherProject);
    await expect(theirs.campaigns.get(mine.id)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(theirs.campaigns.get('Mine only')).rejects.toMatchObject({ code: 404 });
    await expect(theirs.campaigns.update(mine.id, { description: 'x' } as never)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.campaigns.disable(mine.id)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.campaigns.addVoucher(mine.id)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.campaigns.delete(mine.id, { force: true })).rejects.toMatchObject({ code: 404 });
    await expect(theirs.vouchers.create({ code: 'THEIRS', campaign_id: mine.id } as never)).rejects.toMatchObject({
      code: 404,
    });
    expect(loose(await server.sdk().campaigns.get(mine.id)).active).toBe(true);
  });
});
