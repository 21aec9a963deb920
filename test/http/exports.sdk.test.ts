import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../src/app/random-ids.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

describe.each(TEST_DATABASES)('exports through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  const sdk = (project?: TestProject) => server.sdk(project);
  /** The SDK's typings lag behind the API's fields; tests send what the API takes. */
  const createExport = (body: Record<string, unknown>, project?: TestProject) =>
    sdk(project)
      .distributions.exports.create(body as never)
      .then(loose);

  const campaign = async (project: TestProject, name: string, voucher: Record<string, unknown>) =>
    loose(
      await sdk(project).campaigns.create({
        name,
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'STATIC',
        voucher: { type: 'DISCOUNT_VOUCHER', ...voucher },
      } as never),
    );

  const voucher = async (project: TestProject, body: Record<string, unknown>) =>
    loose(await sdk(project).vouchers.create(body as never));

  /** The export's file, through the link its DONE object carries, parsed as CSV. */
  async function download(project: TestProject, id: string): Promise<{ status: number; rows: string[][] }> {
    const done = loose(await sdk(project).distributions.exports.get(id));
    expect(done).toMatchObject({ id, object: 'export', status: 'DONE', result: { url: expect.any(String) } });
    expectConformsToSpec('get', '/v1/exports/{exportId}', 200, done);
    const url = new URL(done.result.url);
    expect(url.pathname).toBe(`/v1/exports/${id}`);
    const response = await fetch(`${server.url}${url.pathname}${url.search}`, {
      headers: server.serverHeaders(project),
    });
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, rows: [] };
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    return { status: 200, rows: parse(text) as string[][] };
  }

  it("exports a campaign's codes with the fields and order asked, as the vouchers are", async () => {
    const project = await server.createProject();
    const spring = await campaign(project, 'Spring', { discount: { type: 'AMOUNT', amount_off: 1500 } });
    const autumn = await campaign(project, 'Autumn', { discount: { type: 'PERCENT', percent_off: 10 } });
    for (const code of ['SPRING-B', 'SPRING-C', 'SPRING-A']) {
      await voucher(project, {
        code,
        campaign: 'Spring',
        metadata: { region: code === 'SPRING-A' ? 'EU' : 'US', tier: 2 },
        redemption: { quantity: 3 },
      });
    }
    await voucher(project, { code: 'AUTUMN-A', campaign: 'Autumn' });
    await voucher(project, { code: 'LONE-1', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 } });
    await sdk(project).redemptions.redeem('SPRING-C', { order: { amount: 5000 } } as never);
    await sdk(project).vouchers.disable('SPRING-B');

    const fields = [
      'code',
      'voucher_type',
      'value',
      'discount_type',
      'campaign',
      'campaign_id',
      'redemption_quantity',
      'redemption_count',
      'active',
      'is_referral_code',
      'metadata',
      'id',
      'created_at',
      'qr_code',
    ];
    const created = await createExport(
      {
        exported_object: 'voucher',
        parameters: {
          order: '-code',
          fields,
          filters: { junction: 'AND', campaign_ids: { conditions: { $in: [spring.id, autumn.id] } } },
          campaign_id: spring.id,
        },
      },
      project,
    );
    expect(created).toMatchObject({
      id: expect.stringMatching(/^exp_/),
      object: 'export',
      status: 'SCHEDULED',
      channel: 'API',
      exported_object: 'voucher',
      result: null,
      user_id: null,
      parameters: { order: '-code', fields, campaign_id: spring.id },
    });
    expectConformsToSpec('post', '/v1/exports', 200, created);
    // A code made after the export is not in its file: the file holds what there was when it was asked.
    await voucher(project, { code: 'SPRING-Z', campaign: 'Spring' });

    const { status, rows } = await download(project, created.id);
    expect(status).toBe(200);
    expect(rows[0]).toEqual(fields);
    const expected = await Promise.all(
      ['SPRING-C', 'SPRING-B', 'SPRING-A'].map(async (code) => {
        const v = loose(await sdk(project).vouchers.get(code));
        return [
          v.code,
          'DISCOUNT_VOUCHER',
          '1500',
          'AMOUNT',
          'Spring',
          spring.id,
          '3',
          String(v.redemption.redeemed_quantity),
          String(v.active),
          'false',
          JSON.stringify(v.metadata),
          v.id,
          v.created_at,
          v.assets.qr.url,
        ];
      }),
    );
    expect(rows.slice(1)).toEqual(expected);
    expect(rows.slice(1).map((row) => [row[0], row[7], row[8]])).toEqual([
      ['SPRING-C', '1', 'true'],
      ['SPRING-B', '0', 'false'],
      ['SPRING-A', '0', 'true'],
    ]);
    expect(JSON.parse(rows[3]?.[10] ?? '')).toEqual({ region: 'EU', tier: 2 });
  });

  it('exports every voucher with the documented default fields, gift cards by their balance', async () => {
    const project = await server.createProject();
    await voucher(project, { code: 'PCT-1', type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 15 } });
    await voucher(project, { code: 'GIFT-1', type: 'GIFT_VOUCHER', gift: { amount: 5000 } });
    await sdk(project).vouchers.balance.create('GIFT-1', { amount: -1200 } as never);
    const created = await createExport({ exported_object: 'voucher' }, project);
    expect(created.parameters).toMatchObject({
      order: '-created_at',
      fields: ['code', 'voucher_type', 'value', 'discount_type'],
    });
    const { rows } = await download(project, created.id);
    expect(rows).toEqual([
      ['code', 'voucher_type', 'value', 'discount_type'],
      ['GIFT-1', 'GIFT_VOUCHER', '3800', ''],
      ['PCT-1', 'DISCOUNT_VOUCHER', '15', 'PERCENT'],
    ]);
  });

  it("shows a voucher's category, holder, rules and validity as its answer does", async () => {
    const project = await server.createProject();
    await sdk(project).categories.create({ name: 'Summer', hierarchy: 1 });
    const rule = loose(
      await sdk(project).validationRules.create({
        name: 'Big orders',
        rules: { '1': { name: 'order.amount', conditions: { $more_than_equal: [10000] } }, logic: '1' },
      } as never),
    );
    await voucher(project, {
      code: 'HELD-1',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'PERCENT', percent_off: 20, amount_limit: 3000 },
      category: 'Summer',
      validation_rules: [rule.id],
      start_date: '2026-01-01T00:00:00.000Z',
      expiration_date: '2030-12-31T23:59:59.000Z',
      validity_day_of_week: [1, 3, 5],
      additional_info: 'for "friends", with commas',
    });
    await sdk(project).distributions.publications.create({
      voucher: 'HELD-1',
      customer: { source_id: 'jane@example.com' },
    } as never);
    const fields = [
      'code',
      'category',
      'customer_id',
      'customer_source_id',
      'validation_rules_id',
      'discount_amount_limit',
      'start_date',
      'expiration_date',
      'validity_day_of_week',
      'additional_info',
      'bar_code',
    ];
    const created = await createExport({ exported_object: 'voucher', parameters: { fields } }, project);
    const { rows } = await download(project, created.id);
    const v = loose(await sdk(project).vouchers.get('HELD-1'));
    expect(rows).toEqual([
      fields,
      [
        'HELD-1',
        'Summer',
        v.holder_id,
        'jane@example.com',
        rule.id,
        '3000',
        '2026-01-01T00:00:00.000Z',
        '2030-12-31T23:59:59.000Z',
        '1,3,5',
        'for "friends", with commas',
        v.assets.barcode.url,
      ],
    ]);
  });

  it('reads a large campaign in pages: every code once, in order, ties broken by id', async () => {
    const project = await server.createProject();
    const big = await campaign(project, 'Big', { discount: { type: 'AMOUNT', amount_off: 100 } });
    const codes = Array.from({ length: 1234 }, (_, i) => `BIG-${String(i).padStart(5, '0')}`);
    // One creation time for all: the order within it comes from the id alone.
    const inserted = await server.store.forProject(project.id).vouchers.insertGenerated(
      big.id,
      '2025-06-01T00:00:00.000Z',
      codes.map((code) => ({ id: randomIds.newId('v_'), code, codeKey: code })),
    );
    expect(inserted).toBe(codes.length);
    await voucher(project, { code: 'OTHER-1', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 1 } });

    const byCode = await createExport(
      { exported_object: 'voucher', parameters: { order: '-code', fields: ['code'], campaign_id: big.id } },
      project,
    );
    const descending = (await download(project, byCode.id)).rows.slice(1).map((row) => row[0]);
    expect(descending).toEqual([...codes].reverse());

    for (const order of ['created_at', '-updated_at']) {
      const created = await createExport(
        {
          exported_object: 'voucher',
          parameters: { order, fields: ['id', 'code'], filters: { campaign_id: { conditions: { $is: big.id } } } },
        },
        project,
      );
      const rows = (await download(project, created.id)).rows.slice(1);
      expect(rows).toHaveLength(codes.length);
      expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(codes));
      const ids = rows.map((row) => row[0] as string);
      const sorted = [...ids].sort();
      expect(ids).toEqual(order.startsWith('-') ? sorted.reverse() : sorted);
    }
  });

  it('refuses what it cannot export with a 400 that says why, and unknown campaigns with a 404', async () => {
    const project = await server.createProject();
    for (const kind of ['redemption', 'customer', 'publication', 'order', 'points_expiration']) {
      await expect(createExport({ exported_object: kind }, project)).rejects.toMatchObject({
        code: 400,
        key: 'invalid_payload',
        details: expect.stringContaining(`Exporting ${kind} is not supported yet`),
      });
    }
    await expect(createExport({ exported_object: 'voucher_transactions' }, project)).rejects.toMatchObject({
      code: 400,
      details: expect.stringContaining('/v1/vouchers/{code}/transactions/export'),
    });
    await expect(createExport({ exported_object: 'planets' }, project)).rejects.toMatchObject({ code: 400 });
    await expect(
      createExport({ exported_object: 'voucher', parameters: { fields: ['code', 'colour'] } }, project),
    ).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringMatching(/colour.*allowed: code, voucher_type, value/),
    });
    await expect(
      createExport({ exported_object: 'voucher', parameters: { order: 'value' } }, project),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('-created_at') });
    await expect(
      createExport(
        { exported_object: 'voucher', parameters: { filters: { 'metadata.region': { conditions: { $is: 'EU' } } } } },
        project,
      ),
    ).rejects.toMatchObject({ code: 400, details: expect.stringContaining('not supported yet') });
    await expect(
      createExport(
        { exported_object: 'voucher', parameters: { filters: { campaign_ids: { conditions: { $in: 'camp_1' } } } } },
        project,
      ),
    ).rejects.toMatchObject({ code: 400 });
    await expect(
      createExport({ exported_object: 'voucher', parameters: { campaign_id: 'camp_missing' } }, project),
    ).rejects.toMatchObject({ code: 404, resource_type: 'campaign' });
    const list = loose(await sdk(project).distributions.exports.list());
    expect(list.total).toBe(0);
  });

  it('lists exports newest first, keeps links to their own token and project, and deletes them', async () => {
    const project = await server.createProject();
    await voucher(project, { code: 'GIFT-L', type: 'GIFT_VOUCHER', gift: { amount: 1000 } });
    const first = await createExport({ exported_object: 'voucher', parameters: { fields: ['code'] } }, project);
    const ledger = loose(await sdk(project).vouchers.exportTransactions('GIFT-L', {} as never));
    const third = await createExport({ exported_object: 'voucher' }, project);

    const list = loose(await sdk(project).distributions.exports.list());
    expect(list).toMatchObject({ object: 'list', data_ref: 'exports', total: 3 });
    expect(list.exports.map((e: Loose) => e.id)).toEqual([third.id, ledger.id, first.id]);
    expect(list.exports.map((e: Loose) => e.exported_object)).toEqual(['voucher', 'voucher_transactions', 'voucher']);
    expect(list.exports.every((e: Loose) => e.status === 'DONE' && e.result.url.includes('token='))).toBe(true);
    expectConformsToSpec('get', '/v1/exports', 200, list);
    const paged = loose(await sdk(project).distributions.exports.list({ limit: 1, page: 2, order: 'created_at' }));
    expect(paged.exports.map((e: Loose) => e.id)).toEqual([ledger.id]);

    const done = loose(await sdk(project).distributions.exports.get(first.id));
    const token = new URL(done.result.url).searchParams.get('token');
    const raw = (path: string, p: TestProject = project) =>
      fetch(`${server.url}/v1${path}`, { headers: server.serverHeaders(p) });
    expect((await raw(`/exports/${first.id}?token=wrong`)).status).toBe(404);
    expect((await raw(`/exports/${third.id}?token=${token}`)).status).toBe(404);
    expect((await raw(`/exports/${first.id}?token=${token}`, server.project)).status).toBe(404);
    await expect(sdk(server.project).distributions.exports.get(first.id)).rejects.toMatchObject({ code: 404 });
    expect((await raw(`/exports/${first.id}?token=${token}`)).status).toBe(200);

    expect(await sdk(project).distributions.exports.delete(first.id)).toBeFalsy();
    await expect(sdk(project).distributions.exports.get(first.id)).rejects.toMatchObject({ code: 404 });
    expect((await raw(`/exports/${first.id}?token=${token}`)).status).toBe(404);
    await expect(sdk(project).distributions.exports.delete(first.id)).rejects.toMatchObject({ code: 404 });
    await sdk(project).distributions.exports.delete(ledger.id);
    const left = loose(await sdk(project).distributions.exports.list());
    expect(left.exports.map((e: Loose) => e.id)).toEqual([third.id]);
    expect(left.total).toBe(1);
  });
});
