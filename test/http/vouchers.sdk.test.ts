import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTempCsv } from '../support/csv-files.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;

describe.each(TEST_DATABASES)('vouchers through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  /** The SDK's typings lag behind the API's fields; tests send what the API takes. */
  const create = (body: Record<string, unknown>, project?: TestProject) =>
    server
      .sdk(project)
      .vouchers.create(body as never)
      .then(loose);

  const post = (path: string, body: unknown, project?: TestProject) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...server.serverHeaders(project), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates a voucher with a code and reads it back by code and by id', async () => {
    const sdk = server.sdk();
    const category = loose(await sdk.categories.create({ name: 'Summer sales', hierarchy: 1 }));
    const created = await create({
      code: 'SUMMER-10',
      type: 'DISCOUNT_VOUCHER',
      discount: TENTH_OFF,
      category: 'Summer sales',
      start_date: '2030-06-01T00:00:00Z',
      expiration_date: '2030-09-01',
      validity_timeframe: { interval: 'P2D', duration: 'PT8H' },
      validity_day_of_week: [1, 2, 3],
      validity_hours: { daily: [{ start_time: '10:00', expiration_time: '18:00', days_of_week: [1, 2] }] },
      additional_info: 'for newsletter readers',
      metadata: { source: 'newsletter', tier: 2 },
      redemption: { quantity: 3 },
    });
    // The spec declares validity hours as JSON Schema `time` (HH:mm:ss) but describes and shows HH:mm.
    const { validity_hours: _hours, ...checkable } = created;
    expectConformsToSpec('post', '/v1/vouchers/{code}', 200, checkable);
    expect(created).toMatchObject({
      code: 'SUMMER-10',
      object: 'voucher',
      campaign: null,
      campaign_id: null,
      category: 'Summer sales',
      category_id: category.id,
      categories: [{ id: category.id, name: 'Summer sales', object: 'category' }],
      type: 'DISCOUNT_VOUCHER',
      discount: TENTH_OFF,
      gift: null,
      loyalty_card: null,
      start_date: '2030-06-01T00:00:00.000Z',
      expiration_date: '2030-09-01T00:00:00.000Z',
      validity_timeframe: { interval: 'P2D', duration: 'PT8H' },
      validity_day_of_week: [1, 2, 3],
      validity_hours: { daily: [{ start_time: '10:00', expiration_time: '18:00', days_of_week: [1, 2] }] },
      active: true,
      additional_info: 'for newsletter readers',
      metadata: { source: 'newsletter', tier: 2 },
      is_referral_code: false,
      holder_id: null,
      referrer_id: null,
      updated_at: null,
      publish: { object: 'list', count: 0, url: '/v1/vouchers/SUMMER-10/publications?page=1&limit=10' },
      redemption: {
        quantity: 3,
        redeemed_quantity: 0,
        redeemed_points: 0,
        object: 'list',
        url: '/v1/vouchers/SUMMER-10/redemptions?page=1&limit=10',
      },
      validation_rules_assignments: { object: 'list', data_ref: 'data', data: [], total: 0 },
    });
    expect(created.id).toMatch(/^v_/);
    expect(created.assets.qr.url).toMatch(/\/assets\/qr\/[\w-]+\.[\w-]+$/);
    expect(created.assets.barcode.url).toMatch(/\/assets\/barcode\//);

    const byCode = loose(await sdk.vouchers.get('SUMMER-10'));
    expect(byCode).toEqual(created);
    expect(loose(await sdk.vouchers.get(created.id))).toEqual(created);
  });

  it('generates a code when none is given, at the SDK path with the trailing slash and without it', async () => {
    const viaSdk = await create({
      type: 'DISCOUNT_VOUCHER',
      discount: TENTH_OFF,
      code_config: { pattern: 'WELCOME-####' },
    });
    expect(viaSdk.code).toMatch(/^WELCOME-[0-9A-Za-z]{4}$/);

    const plain = await post('/v1/vouchers', { discount: TENTH_OFF, code_config: { length: 12, prefix: 'P-' } });
    expect(plain.status).toBe(200);
    expect(loose(await plain.json()).code).toMatch(/^P-[0-9A-Za-z]{12}$/);

    const digits = await server.createProject({ default_code_config: { charset: '0123456789' } });
    const byDefault = await create({ discount: TENTH_OFF }, digits);
    expect(byDefault.code).toMatch(/^\d{8}$/);
  });

  it("takes the body's code at POST /v1/vouchers, under the same checks as a code in the path", async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const created = await post('/v1/vouchers', { code: 'BODY-CODE', discount: TENTH_OFF }, project);
    expect(created.status).toBe(200);
    const body = loose(await created.json());
    const { validity_hours: _hours, ...checkable } = body;
    expectConformsToSpec('post', '/v1/vouchers', 200, checkable);
    expect(body).toMatchObject({ code: 'BODY-CODE', type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF });
    expect(loose(await sdk.vouchers.get('BODY-CODE')).id).toBe(body.id);

    // The code wins over a code_config; into a campaign it goes with the campaign's template.
    const spring = loose(
      await sdk.campaigns.create({
        name: 'Spring',
        type: 'STATIC',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never),
    );
    const chosen = await post(
      '/v1/vouchers/',
      { code: 'SPRING-OWN', campaign_id: spring.id, code_config: { pattern: 'GEN-####' } },
      project,
    );
    expect(chosen.status).toBe(200);
    expect(loose(await chosen.json())).toMatchObject({ code: 'SPRING-OWN', campaign_id: spring.id });
    expect(loose(await sdk.campaigns.get(spring.id)).vouchers_count).toBe(1);

    const duplicate = await post('/v1/vouchers', { code: 'BODY-CODE', discount: TENTH_OFF }, project);
    expect(duplicate.status).toBe(409);
    expect(loose(await duplicate.json())).toMatchObject({
      key: 'duplicate_found',
      details: expect.stringContaining('BODY-CODE'),
    });
    for (const code of ['', 'WITH SPACE', 'x'.repeat(201)]) {
      const refused = await post('/v1/vouchers', { code, discount: TENTH_OFF }, project);
      expect(refused.status, code).toBe(400);
      expect(loose(await refused.json())).toMatchObject({ key: 'invalid_payload' });
    }
    // A null code is no code: one is generated.
    const generated = await post(
      '/v1/vouchers',
      { code: null, discount: TENTH_OFF, code_config: { prefix: 'G-' } },
      project,
    );
    expect(loose(await generated.json()).code).toMatch(/^G-/);
    expect((await sdk.vouchers.list()).total).toBe(3);
  });

  it('refuses what is not supported yet or not valid, naming the property, and writes nothing', async () => {
    const sdk = server.sdk(await server.createProject());
    await expect(create({ code: 'LOYAL', type: 'LOYALTY_CARD', loyalty_card: { points: 10 } })).rejects.toMatchObject({
      code: 403,
      key: 'missing_required_feature',
    });
    await expect(create({ code: 'RULED', discount: TENTH_OFF, validation_rules: ['val_123'] })).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
    });
    await expect(create({ code: 'NODISCOUNT', type: 'DISCOUNT_VOUCHER' })).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringContaining('.discount'),
    });
    await expect(create({ code: 'BADPERCENT', discount: { type: 'PERCENT', percent_off: 150 } })).rejects.toMatchObject(
      {
        code: 400,
        details: expect.stringContaining('.discount.percent_off'),
      },
    );
    await expect(
      create({ code: 'NOSTART', discount: TENTH_OFF, validity_timeframe: { interval: 'P1D', duration: 'PT1H' } }),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('.start_date') });
    await expect(create({ code: 'NOCAT', discount: TENTH_OFF, category: 'No such category' })).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
    });
    await expect(create({ code: 'NOCAMP', campaign: 'No such campaign' })).rejects.toMatchObject({ code: 404 });
    await expect(create({ discount: TENTH_OFF, code_config: { pattern: 'NO-HASH' } })).rejects.toMatchObject({
      code: 400,
      details: expect.stringContaining('.code_config.pattern'),
    });
    expect((await sdk.vouchers.list()).total).toBe(0);
  });

  it('keeps codes unique per project, as the project compares them', async () => {
    await create({ code: 'TAKEN', discount: TENTH_OFF });
    await expect(create({ code: 'TAKEN', discount: TENTH_OFF })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
      message: 'Duplicated resource found',
      details: expect.stringContaining('TAKEN'),
    });
    expect((await create({ code: 'TAKEN', discount: TENTH_OFF }, server.otherProject)).code).toBe('TAKEN');
    expect((await create({ code: 'taken', discount: TENTH_OFF })).code).toBe('taken');

    const insensitive = await server.createProject({ case_sensitive_codes: false });
    const sdk = server.sdk(insensitive);
    await create({ code: 'SUMMER', discount: TENTH_OFF }, insensitive);
    await expect(create({ code: 'summer', discount: TENTH_OFF }, insensitive)).rejects.toMatchObject({ code: 409 });
    expect(loose(await sdk.vouchers.get('Summer')).code).toBe('SUMMER');
  });

  it('creates a code once when twenty requests race for it', async () => {
    const project = await server.createProject();
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, () => create({ code: 'RACE', discount: TENTH_OFF }, project)),
    );
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const answer of refused) expect(answer.reason).toMatchObject({ code: 409, key: 'duplicate_found' });
    expect((await server.sdk(project).vouchers.list()).total).toBe(1);
  });

  it('updates the given fields, leaves the rest, and keeps code and type', async () => {
    const sdk = server.sdk();
    await create({ code: 'UPDATE-ME', discount: TENTH_OFF, metadata: { keep: 'no' }, additional_info: 'before' });
    const updated = loose(
      await sdk.vouchers.update({
        code: 'UPDATE-ME',
        expiration_date: '2031-01-01T00:00:00.000Z',
        metadata: { replaced: true },
        redemption: { quantity: 5 },
        discount: { type: 'AMOUNT', amount_off: 500 },
      } as never),
    );
    expectConformsToSpec('put', '/v1/vouchers/{code}', 200, updated);
    expect(updated).toMatchObject({
      code: 'UPDATE-ME',
      additional_info: 'before',
      expiration_date: '2031-01-01T00:00:00.000Z',
      metadata: { replaced: true },
      redemption: { quantity: 5 },
      discount: { type: 'AMOUNT', amount_off: 500 },
    });
    expect(updated.updated_at).not.toBeNull();
    await expect(sdk.vouchers.update({ code: 'UPDATE-ME', type: 'GIFT_VOUCHER' } as never)).rejects.toMatchObject({
      code: 400,
    });
    await expect(sdk.vouchers.update({ code: 'NO-SUCH-CODE', active: false })).rejects.toMatchObject({ code: 404 });
  });

  it('enables and disables a voucher', async () => {
    const sdk = server.sdk();
    await create({ code: 'SWITCH', discount: TENTH_OFF });
    const disabled = loose(await sdk.vouchers.disable('SWITCH'));
    expectConformsToSpec('post', '/v1/vouchers/{code}/disable', 200, disabled);
    expect(disabled.active).toBe(false);
    expect(loose(await sdk.vouchers.get('SWITCH')).active).toBe(false);
    const enabled = loose(await sdk.vouchers.enable('SWITCH'));
    expectConformsToSpec('post', '/v1/vouchers/{code}/enable', 200, enabled);
    expect(enabled.active).toBe(true);
  });

  it('moves a deleted voucher to the bin, where its code stays taken, and deletes it for good with force', async () => {
    const sdk = server.sdk();
    await create({ code: 'BINNED', discount: TENTH_OFF });
    await sdk.vouchers.delete('BINNED');
    await expect(sdk.vouchers.get('BINNED')).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(sdk.vouchers.delete('BINNED')).rejects.toMatchObject({ code: 404 });
    await expect(create({ code: 'BINNED', discount: TENTH_OFF })).rejects.toMatchObject({ code: 409 });
    await sdk.vouchers.delete('BINNED', { force: true });
    expect((await create({ code: 'BINNED', discount: TENTH_OFF })).code).toBe('BINNED');

    await sdk.vouchers.delete('BINNED', { force: true });
    await expect(sdk.vouchers.get('BINNED')).rejects.toMatchObject({ code: 404 });
    await expect(sdk.vouchers.delete('BINNED', { force: true })).rejects.toMatchObject({ code: 404 });
  });

  it('lists with paging, order, dates and the filters the SDK sends', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const category = loose(await sdk.categories.create({ name: 'Listed', hierarchy: 1 }));
    const campaign = loose(
      await sdk.campaigns.create({
        name: 'Listed campaign',
        vouchers_count: 3,
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF, code_config: { pattern: 'C-#####' } },
        category_id: category.id,
      } as never),
    );
    for (const code of ['B-2', 'A-1', 'D-4']) await create({ code, discount: TENTH_OFF }, project);
    await create({ code: 'E-5', discount: TENTH_OFF, category_id: category.id }, project);

    const first = loose(await sdk.vouchers.list({ limit: 4, page: 1 }));
    expectConformsToSpec('get', '/v1/vouchers', 200, first);
    expect(first).toMatchObject({ object: 'list', data_ref: 'vouchers', total: 7 });
    expect(first.vouchers).toHaveLength(4);
    expect((await sdk.vouchers.list({ limit: 4, page: 2 })).vouchers).toHaveLength(3);

    const byCode = await sdk.vouchers.list({ order: 'code', limit: 100 });
    const codes = byCode.vouchers.map((v) => v.code);
    expect(codes).toEqual([...codes].sort());
    expect((await sdk.vouchers.list({ order: '-code', limit: 100 })).vouchers.map((v) => v.code)).toEqual(
      [...codes].reverse(),
    );

    const inCampaign = loose(await sdk.vouchers.list({ campaign: 'Listed campaign' }));
    expect(inCampaign.total).toBe(3);
    expect(inCampaign.vouchers.every((v: Loose) => /^C-/.test(v.code) && v.campaign === 'Listed campaign')).toBe(true);
    expect((await sdk.vouchers.list({ campaign_id: campaign.id } as never)).total).toBe(3);
    // The campaign's codes are in its category too, unless they name their own.
    expect((await sdk.vouchers.list({ category: 'Listed' })).total).toBe(4);
    expect((await sdk.vouchers.list({ category_id: category.id } as never)).total).toBe(4);
    expect((await sdk.vouchers.list({ campaign: 'No such campaign' })).total).toBe(0);
    expect((await sdk.vouchers.list({ customer: 'nobody' })).total).toBe(0);
    expect((await sdk.vouchers.list({ created_at: { before: '2000-01-01T00:00:00Z' } })).total).toBe(0);
    expect((await sdk.vouchers.list({ created_at: { after: '2000-01-01T00:00:00Z' } })).total).toBe(7);
    await expect(sdk.vouchers.list({ order: 'nonsense' as never })).rejects.toMatchObject({
      code: 400,
      key: 'invalid_query_params',
    });
  });

  it('imports vouchers as an async action, reporting each failing row', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await create({ code: 'ALREADY', discount: TENTH_OFF }, project);
    const queued = await sdk.vouchers.import([
      { code: 'IMP-1', discount: TENTH_OFF, metadata: { batch: 1 }, redemption: { quantity: 2 } },
      { code: 'IMP-2', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 1000 }, active: false },
      { code: 'ALREADY', discount: TENTH_OFF },
      { code: 'BAD-DISCOUNT', discount: { type: 'PERCENT', percent_off: -1 } },
    ] as never);
    expectConformsToSpec('post', '/v1/vouchers/import', 202, queued);
    const done = loose(await waitForAsyncAction(server, queued.async_action_id, project));
    expectConformsToSpec('get', '/v1/async-actions/{asyncActionId}', 200, done);
    expect(done).toMatchObject({ type: 'VOUCHERS.IMPORT', status: 'DONE', progress: 100 });
    expect(done.result).toMatchObject({ done_count: 2, failed_count: 2 });
    expect(done.result.failed).toEqual([
      { code: 'ALREADY', reason: expect.stringContaining('ALREADY') },
      { code: 'BAD-DISCOUNT', reason: expect.stringContaining('.discount.percent_off') },
    ]);
    expect(loose(await sdk.vouchers.get('IMP-1'))).toMatchObject({
      metadata: { batch: 1 },
      redemption: { quantity: 2 },
    });
    expect(loose(await sdk.vouchers.get('IMP-2'))).toMatchObject({ active: false, discount: { amount_off: 1000 } });
  });

  it("imports a CSV in Voucherify's columns, other columns as metadata, updating codes it already has", async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await sdk.categories.create({ name: 'Imported', hierarchy: 1 });
    await create({ code: 'CSV-OLD', discount: TENTH_OFF, additional_info: 'old' }, project);
    const file = writeTempCsv(
      'vouchers',
      [
        'Code,Voucher Type,Value,Discount Type,Category,Start Date,Expiration Date,Redemption Limit,Redeemed Quantity,Active,Additional Info,Channel',
        'CSV-1,DISCOUNT_VOUCHER,1500,AMOUNT,Imported,2030-01-01,2030-12-31T23:59:59Z,10,3,true,from csv,print',
        'CSV-2,DISCOUNT_VOUCHER,25,PERCENT,,,,,,FALSE,,',
        'CSV-3,,10,PERCENT,,,,,,,,',
        'CSV-OLD,DISCOUNT_VOUCHER,20,PERCENT,,,,,,,new,',
      ].join('\n'),
    );
    const queued = await sdk.vouchers.importCSV(file);
    const done = loose(await waitForAsyncAction(server, queued.async_action_id, project));
    expect(done).toMatchObject({ type: 'VOUCHERS.IMPORT_CSV', status: 'DONE' });
    expect(done.result).toMatchObject({ done_count: 3, failed_count: 1 });
    expect(done.result.failed).toEqual([{ code: 'CSV-3', row: 3, reason: 'Voucher Type is required' }]);
    expect(loose(await sdk.vouchers.get('CSV-1'))).toMatchObject({
      discount: { type: 'AMOUNT', amount_off: 1500 },
      category: 'Imported',
      start_date: '2030-01-01T00:00:00.000Z',
      expiration_date: '2030-12-31T23:59:59.000Z',
      redemption: { quantity: 10, redeemed_quantity: 3 },
      active: true,
      additional_info: 'from csv',
      metadata: { Channel: 'print' },
    });
    expect(loose(await sdk.vouchers.get('CSV-2'))).toMatchObject({
      discount: { type: 'PERCENT', percent_off: 25 },
      active: false,
      metadata: {},
    });
    expect(loose(await sdk.vouchers.get('CSV-OLD'))).toMatchObject({
      discount: { type: 'PERCENT', percent_off: 20 },
      additional_info: 'new',
    });
  });

  it('merges metadata in bulk, per code and for a list of codes', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await create({ code: 'BULK-1', discount: TENTH_OFF, metadata: { keep: true, drop: 1 } }, project);
    await create({ code: 'BULK-2', discount: TENTH_OFF }, project);
    const bulk = await sdk.vouchers.bulkUpdate([
      { code: 'BULK-1', metadata: { drop: null, added: 'a' } },
      { code: 'BULK-2', metadata: { added: 'b' } },
      { code: 'MISSING', metadata: { added: 'c' } },
    ] as never);
    expectConformsToSpec('post', '/v1/vouchers/bulk/async', 202, bulk);
    const bulkDone = loose(await waitForAsyncAction(server, bulk.async_action_id, project));
    expect(bulkDone).toMatchObject({ type: 'VOUCHERS.BULK_UPDATE', status: 'DONE', operation_status: 'FAILED' });
    expect(bulkDone.result).toMatchObject({ done_count: 2, failed_count: 1, failed: [{ code: 'MISSING' }] });
    expect(loose(await sdk.vouchers.get('BULK-1')).metadata).toEqual({ keep: true, added: 'a' });

    const metadata = await sdk.vouchers.bulkUpdateMetadata({ codes: ['BULK-1', 'BULK-2'], metadata: { vip: true } });
    expectConformsToSpec('post', '/v1/vouchers/metadata/async', 202, metadata);
    const metadataDone = loose(await waitForAsyncAction(server, metadata.async_action_id, project));
    expect(metadataDone).toMatchObject({ type: 'VOUCHERS.METADATA_UPDATE', operation_status: 'SUCCESS' });
    expect(loose(await sdk.vouchers.get('BULK-2')).metadata).toEqual({ added: 'b', vip: true });
  });

  it("answers 404 for another project's voucher, whatever the call", async () => {
    const mine = await create({ code: 'PRIVATE', discount: TENTH_OFF });
    const theirs = server.sdk(server.otherProject);
    await expect(theirs.vouchers.get('PRIVATE')).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(theirs.vouchers.get(mine.id)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.vouchers.update({ code: 'PRIVATE', active: false })).rejects.toMatchObject({ code: 404 });
    await expect(theirs.vouchers.disable('PRIVATE')).rejects.toMatchObject({ code: 404 });
    await expect(theirs.vouchers.delete('PRIVATE', { force: true })).rejects.toMatchObject({ code: 404 });
    expect(loose(await server.sdk().vouchers.get('PRIVATE')).active).toBe(true);
    await expect(server.sdk().vouchers.get('NOBODY')).rejects.toMatchObject({
      details: 'Cannot find voucher with id NOBODY',
    });
  });

  it('takes any printable code, refuses whitespace, control characters and over-long codes, never a 500', async () => {
    const sdk = server.sdk();
    const project = await server.createProject();
    for (const code of ["O'REILLY", '"QUOTED"', 'żółć-漢字-🎉', "'OR'1'='1'--", '100%_OFF*', '../up', '<b>']) {
      expect((await create({ code, discount: TENTH_OFF }, project)).code).toBe(code);
      const read = loose(await server.sdk(project).vouchers.get(code));
      expectConformsToSpec('get', '/v1/vouchers/{code}', 200, read);
      expect(read.code).toBe(code);
    }
    for (const code of ['WITH SPACE', 'tab\there', 'rtl\u202eoverride', 'x'.repeat(201)]) {
      await expect(create({ code, discount: TENTH_OFF })).rejects.toMatchObject({ code: 400, key: 'invalid_payload' });
    }
    await expect(create({ code: 'y'.repeat(10_000), discount: TENTH_OFF })).rejects.toMatchObject({ code: 404 });
    await expect(sdk.vouchers.get('z'.repeat(10_000))).rejects.toMatchObject({ code: 404 });
    await expect(sdk.vouchers.get("' OR '1'='1")).rejects.toMatchObject({ code: 404 });
  });
});
