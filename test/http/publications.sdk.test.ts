import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { storeVoucher } from '../support/voucher-fixtures.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 };

type Outcome = { ok: true; value: Loose } | { ok: false; error: Loose };

function settle(promise: Promise<unknown>): Promise<Outcome> {
  return promise.then(
    (value) => ({ ok: true as const, value: loose(value) }),
    (error: unknown) => ({ ok: false as const, error: loose(error) }),
  );
}

describe.each(TEST_DATABASES)('publications through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const campaign = (project: TestProject, body: Record<string, unknown>) =>
    server
      .sdk(project)
      .campaigns.create({
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'STATIC',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
        ...body,
      } as never)
      .then(loose);

  const publish = (project: TestProject, body: Record<string, unknown>) =>
    server
      .sdk(project)
      .distributions.publications.create(body as never)
      .then(loose);

  const raw = async (project: TestProject, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: { ...server.serverHeaders(project), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: loose(await response.json()) };
  };

  it('hands a code to a customer: the voucher, the wallet and the list follow', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const spring = await campaign(project, { name: 'Spring', vouchers_count: 3 });
    const publication = await publish(project, {
      campaign: { name: 'Spring' },
      customer: { source_id: 'ann', name: 'Ann', email: 'ann@example.com' },
      metadata: { batch: 'april' },
      source_id: 'crm-1',
    });
    expectConformsToSpec('post', '/v1/publications', 200, publication);
    expect(publication).toMatchObject({
      id: expect.stringMatching(/^pub_/),
      object: 'publication',
      tracking_id: 'ann',
      metadata: { batch: 'april' },
      channel: 'API',
      source_id: 'crm-1',
      result: 'SUCCESS',
      customer: { source_id: 'ann', name: 'Ann', email: 'ann@example.com', object: 'customer' },
      voucher: { campaign: 'Spring', campaign_id: spring.id, publish: { count: 1 } },
    });
    const customerId = publication.customer_id;
    expect(publication.customer.id).toBe(customerId);
    expect(publication.voucher.holder_id).toBe(customerId);
    expect(publication.vouchers_id).toEqual([publication.voucher.id]);

    const voucher = loose(await sdk.vouchers.get(publication.voucher.code));
    expect(voucher).toMatchObject({ holder_id: customerId, publish: { object: 'list', count: 1 } });

    const wallet = loose(await sdk.customers.listRedeemables('ann', {} as never));
    expectConformsToSpec('get', '/v1/customers/{customerId}/redeemables', 200, wallet);
    expect(wallet).toMatchObject({ object: 'list', data_ref: 'data', total: 1, has_more: false });
    expect(wallet.data[0]).toMatchObject({
      redeemable_id: publication.voucher.id,
      customer_id: customerId,
      holder_role: 'OWNER',
      campaign_id: spring.id,
      redeemable: { type: 'voucher', status: 'ACTIVE', voucher: { code: publication.voucher.code } },
    });

    const second = await publish(project, { campaign: { name: 'Spring', count: 2 }, customer: { id: customerId } });
    expectConformsToSpec('post', '/v1/publications', 200, second);
    expect(second.vouchers).toHaveLength(2);
    expect(second.vouchers_id).toHaveLength(2);
    expect(new Set([publication.voucher.code, ...second.vouchers]).size).toBe(3);
    expect(loose(await sdk.customers.listRedeemables(customerId, { limit: 2 } as never))).toMatchObject({
      has_more: true,
      more_starting_after: expect.stringMatching(/^rh_/),
    });

    const list = loose(await sdk.distributions.publications.list({ customer: 'ann' }));
    expectConformsToSpec('get', '/v1/publications', 200, list);
    expect(list).toMatchObject({ object: 'list', data_ref: 'publications', total: 2 });
    expect(list.publications.map((p: Loose) => p.id)).toEqual([second.id, publication.id]);
    expect(list.publications[1].voucher).toMatchObject({ code: publication.voucher.code, object: 'voucher' });
    const filtered = async (params: Record<string, unknown>) =>
      loose(await sdk.distributions.publications.list(params as never)).publications.map((p: Loose) => p.id);
    expect(await filtered({ source_id: 'crm-1' })).toEqual([publication.id]);
    expect(await filtered({ voucher: second.vouchers[1] })).toEqual([second.id]);
    expect(await filtered({ campaign: 'Spring', limit: 1, page: 2 })).toEqual([publication.id]);
    expect(await filtered({ result: 'FAILURE' })).toEqual([]);
    expect(await filtered({ customer: 'nobody' })).toEqual([]);
    expect(await filtered({ order: 'created_at' })).toEqual([publication.id, second.id]);
    expect(await filtered({ created_at: { after: '1970-01-01T00:00:00.000Z' } })).toHaveLength(2);
    // A publication is never updated, so its list refuses an updated_at filter instead of failing on it.
    const byUpdate = await raw(project, 'GET', '/publications?updated_at%5Bafter%5D=1970-01-01T00%3A00%3A00.000Z');
    expect(byUpdate).toMatchObject({ status: 400, body: { key: 'invalid_query_params' } });
  });

  it('hands 50 codes to 100 parallel requests: 50 distinct codes, 50 clear refusals', async () => {
    const project = await server.createProject();
    await campaign(project, { name: 'Fifty', vouchers_count: 50 });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        settle(publish(project, { campaign: { name: 'Fifty' }, customer: { source_id: `racer-${i}` } })),
      ),
    );
    const won = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
    expect(won).toHaveLength(50);
    expect(new Set(won.map((p) => p.voucher.code)).size).toBe(50);
    expect(refused).toHaveLength(50);
    for (const error of refused) expect(error).toMatchObject({ code: 400, key: 'no_voucher_suitable_for_publication' });
    const sdk = server.sdk(project);
    for (const p of won) {
      const voucher = loose(await sdk.vouchers.get(p.voucher.code));
      expect(voucher.holder_id).toBe(p.customer_id);
      expect(voucher.publish.count).toBe(1);
    }
    const failures = loose(await sdk.distributions.publications.list({ result: 'FAILURE', limit: 100 }));
    expect(failures.total).toBe(50);
    expectConformsToSpec('get', '/v1/publications', 200, failures);
  });

  it('gives one customer one code under join_once, however many ask at once', async () => {
    const project = await server.createProject();
    await campaign(project, { name: 'Once', vouchers_count: 20 });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        settle(
          server.sdk(project).distributions.publications.create({
            campaign: { name: 'Once' },
            customer: { source_id: 'joiner' },
            join_once: true,
          } as never),
        ),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const codes = new Set(outcomes.map((o) => (o.ok ? o.value.voucher.code : null)));
    expect(codes.size).toBe(1);
    const wallet = loose(await server.sdk(project).customers.listRedeemables('joiner', {} as never));
    expect(wallet.total).toBe(1);
    // The query parameter works alike, and a campaign that joins once needs neither.
    const viaQuery = await raw(project, 'POST', '/publications?join_once=true', {
      campaign: { name: 'Once' },
      customer: { source_id: 'joiner' },
    });
    expect(viaQuery.body.voucher.code).toBe([...codes][0]);
    await campaign(project, { name: 'Joins once', vouchers_count: 5, join_once: true });
    const first = await publish(project, { campaign: { name: 'Joins once' }, customer: { source_id: 'joiner' } });
    const again = await publish(project, { campaign: { name: 'Joins once' }, customer: { source_id: 'joiner' } });
    expect(again.voucher.code).toBe(first.voucher.code);
  });

  it('refuses several codes under join_once, by body, query or campaign, writing nothing', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await campaign(project, { name: 'Single', vouchers_count: 5 });
    await campaign(project, { name: 'Single by itself', vouchers_count: 5, join_once: true });
    const asks = [
      raw(project, 'POST', '/publications', {
        campaign: { name: 'Single', count: 2 },
        customer: { source_id: 'greedy' },
        join_once: true,
      }),
      raw(project, 'POST', '/publications?join_once=true', {
        campaign: { name: 'Single', count: 3 },
        customer: { source_id: 'greedy' },
      }),
      raw(project, 'POST', '/publications', {
        campaign: { name: 'Single by itself', count: 2 },
        customer: { source_id: 'greedy' },
      }),
    ];
    for (const answer of await Promise.all(asks)) {
      expect(answer).toMatchObject({
        status: 400,
        body: {
          key: 'invalid_payload',
          details: expect.stringContaining('.campaign.count should be 1 under join_once'),
        },
      });
    }
    expect(loose(await sdk.distributions.publications.list({} as never)).total).toBe(0);
    await expect(sdk.customers.get('greedy')).rejects.toMatchObject({ code: 404 });
    // One code under join_once, asked for by count or not, is what a customer joins with.
    const joined = await publish(project, {
      campaign: { name: 'Single', count: 1 },
      customer: { source_id: 'greedy' },
      join_once: true,
    });
    expect(joined.vouchers_id).toHaveLength(1);
  });

  it('gives ?join_once=true a new code from each campaign, and the same code again from each', async () => {
    const project = await server.createProject();
    const first = await campaign(project, { name: 'First joined', vouchers_count: 3 });
    const second = await campaign(project, { name: 'Second joined', vouchers_count: 3 });
    const join = (name: string) =>
      raw(project, 'POST', '/publications?join_once=true', {
        campaign: { name },
        customer: { source_id: 'two-campaigns' },
      });
    const fromFirst = await join('First joined');
    const fromSecond = await join('Second joined');
    expect([fromFirst.status, fromSecond.status]).toEqual([200, 200]);
    expect(fromFirst.body.voucher).toMatchObject({ campaign_id: first.id });
    expect(fromSecond.body.voucher).toMatchObject({ campaign_id: second.id });
    expect(fromSecond.body.voucher.code).not.toBe(fromFirst.body.voucher.code);
    expect((await join('Second joined')).body.voucher.code).toBe(fromSecond.body.voucher.code);
    expect((await join('First joined')).body.voucher.code).toBe(fromFirst.body.voucher.code);
    const wallet = loose(await server.sdk(project).customers.listRedeemables('two-campaigns', {} as never));
    expect(wallet.total).toBe(2);
  });

  it('refuses 3 codes from a pool of 2 all or nothing: both codes stay free for the next publications', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const pair = await campaign(project, { name: 'Pair', vouchers_count: 2 });
    await expect(
      publish(project, { campaign: { name: 'Pair', count: 3 }, customer: { source_id: 'hoarder' } }),
    ).rejects.toMatchObject({ code: 400, key: 'no_voucher_suitable_for_publication', resource_type: 'publication' });
    const codes = loose(await sdk.vouchers.list({ campaign_id: pair.id } as never)).vouchers as Loose[];
    expect(codes).toHaveLength(2);
    for (const voucher of codes) expect(voucher).toMatchObject({ holder_id: null, publish: { count: 0 } });
    const listed = loose(await sdk.distributions.publications.list({ campaign: 'Pair' } as never));
    expect(listed.publications.map((p: Loose) => [p.result, p.vouchers_id ?? []])).toEqual([['FAILURE', []]]);
    const both = await publish(project, { campaign: { name: 'Pair', count: 2 }, customer: { source_id: 'modest' } });
    expect([...both.vouchers].sort()).toEqual(codes.map((v) => v.code).sort());
  });

  it("dates a STATIC campaign's code from its publication under activity_duration_after_publishing", async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const timed = await campaign(project, {
      name: 'Timed',
      vouchers_count: 2,
      activity_duration_after_publishing: 'PT36H',
    });
    const before = Date.now();
    const published = await publish(project, { campaign: { id: timed.id }, customer: { source_id: 'timed' } });
    const after = Date.now();
    const start = Date.parse(published.voucher.start_date);
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start).toBeLessThanOrEqual(after);
    expect(Date.parse(published.voucher.expiration_date) - start).toBe(36 * 3_600_000);
    expect(loose(await sdk.vouchers.get(published.voucher.code))).toMatchObject({
      start_date: published.voucher.start_date,
      expiration_date: published.voucher.expiration_date,
    });
    // The code still in the pool has no dates until it is handed out.
    const codes = loose(await sdk.vouchers.list({ campaign_id: timed.id } as never)).vouchers as Loose[];
    const waiting = codes.find((v) => v.code !== published.voucher.code);
    expect(waiting).toMatchObject({ holder_id: null, start_date: null, expiration_date: null });
  });

  it('keeps a custom channel, and filters the list by voucher_type and is_referral_code (only true filters, as in Voucherify)', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await campaign(project, { name: 'Plain', vouchers_count: 2 });
    await campaign(project, {
      name: 'Cards',
      campaign_type: 'GIFT_VOUCHERS',
      type: 'AUTO_UPDATE',
      voucher: { type: 'GIFT_VOUCHER', gift: { amount: 5000 } },
    });
    await campaign(project, {
      name: 'Friends',
      campaign_type: 'REFERRAL_PROGRAM',
      type: 'AUTO_UPDATE',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      referral_program: { conversion_event_type: 'redemption' },
    });
    const plain = await publish(project, {
      campaign: { name: 'Plain' },
      customer: { source_id: 'mixed' },
      channel: 'Newsletter',
    });
    // Not checked against the spec's response schema, which lists `API` as the only channel: the
    // request's `channel` is Voucherify's own field, kept as sent.
    expect(plain.channel).toBe('Newsletter');
    const card = await publish(project, { campaign: { name: 'Cards' }, customer: { source_id: 'mixed' } });
    const referral = await publish(project, { campaign: { name: 'Friends' }, customer: { source_id: 'mixed' } });
    expect(referral.voucher).toMatchObject({ is_referral_code: true, type: 'DISCOUNT_VOUCHER' });
    expect(card.voucher).toMatchObject({ is_referral_code: false, type: 'GIFT_VOUCHER' });

    const ids = async (query: string) => {
      const answer = await raw(project, 'GET', `/publications${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.publications.map((p: Loose) => p.id);
    };
    expect(await ids('')).toEqual([referral.id, card.id, plain.id]);
    expect(await ids('?is_referral_code=true')).toEqual([referral.id]);
    // Voucherify's spec: the filter "works only for the true option"; false lists everything.
    expect(await ids('?is_referral_code=false')).toEqual([referral.id, card.id, plain.id]);
    expect(await ids('?voucher_type=gift')).toEqual([card.id]);
    expect(await ids('?voucher_type=discount')).toEqual([referral.id, plain.id]);
    expect(await ids('?voucher_type=DISCOUNT_VOUCHER&is_referral_code=false')).toEqual([referral.id, plain.id]);
    expect(await ids('?voucher_type=loyalty')).toEqual([]);
    // The SDK sends the same filters; the channel is kept in the list as well.
    const bySdk = loose(await sdk.distributions.publications.list({ is_referral_code: false } as never));
    expect(bySdk.publications.map((p: Loose) => [p.id, p.channel])).toEqual([
      [referral.id, 'API'],
      [card.id, 'API'],
      [plain.id, 'Newsletter'],
    ]);
  });

  it('publishes once per source_id: parallel retries get the first publication, another customer a conflict', async () => {
    const project = await server.createProject();
    await campaign(project, { name: 'Sourced', vouchers_count: 20 });
    const body = { campaign: { name: 'Sourced' }, customer: { source_id: 'sam' }, source_id: 'order-77' };
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => settle(publish(project, body))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const ids = new Set(outcomes.map((o) => (o.ok ? o.value.id : null)));
    const codes = new Set(outcomes.map((o) => (o.ok ? o.value.voucher.code : null)));
    expect(ids.size).toBe(1);
    expect(codes.size).toBe(1);
    const list = loose(await server.sdk(project).distributions.publications.list({ campaign: 'Sourced' }));
    expect(list.total).toBe(1);
    await expect(publish(project, { ...body, customer: { source_id: 'someone-else' } })).rejects.toMatchObject({
      key: 'duplicate_source_id',
    });
  });

  it('gives parallel retries of a source_id the first publication even when it took the last code', async () => {
    const project = await server.createProject();
    for (let round = 0; round < 6; round++) {
      await campaign(project, { name: `Last code ${round}`, vouchers_count: 1 });
      const body = {
        campaign: { name: `Last code ${round}` },
        customer: { source_id: `last-${round}` },
        source_id: `crm-${round}`,
      };
      const outcomes = await Promise.all(Array.from({ length: 3 }, () => settle(publish(project, body))));
      expect(outcomes.map((o) => (o.ok ? 'ok' : JSON.stringify(o.error)))).toEqual(['ok', 'ok', 'ok']);
      expect(new Set(outcomes.map((o) => (o.ok ? o.value.id : null))).size).toBe(1);
    }
  });

  it('generates a code on demand in an AUTO_UPDATE campaign, valid from publication for its duration', async () => {
    const project = await server.createProject();
    const auto = await campaign(project, {
      name: 'On demand',
      type: 'AUTO_UPDATE',
      activity_duration_after_publishing: 'P24D',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF, code_config: { prefix: 'AUTO-', length: 6 } },
    });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        settle(publish(project, { campaign: { id: auto.id }, customer: { source_id: `auto-${i}` } })),
      ),
    );
    const codes = outcomes.map((o) => (o.ok ? o.value.voucher.code : `refused: ${JSON.stringify(o.error)}`));
    for (const code of codes) expect(code).toMatch(/^AUTO-[A-Za-z0-9]{6}$/);
    expect(new Set(codes).size).toBe(5);
    const voucher = (outcomes[0] as { value: Loose }).value.voucher;
    const days = (Date.parse(voucher.expiration_date) - Date.parse(voucher.start_date)) / 86_400_000;
    expect(days).toBe(24);
    expect(loose(await server.sdk(project).campaigns.get(auto.id)).vouchers_count).toBe(5);
    // Publishing the held code to its holder again does not lengthen its life.
    const holder = (outcomes[0] as { value: Loose }).value.customer_id;
    const again = await publish(project, { voucher: voucher.code, customer: { id: holder } });
    expect(again.voucher).toMatchObject({ start_date: voucher.start_date, expiration_date: voucher.expiration_date });
  });

  it("publishes a named code, and refuses another customer's, a disabled one and an empty campaign", async () => {
    const project = await server.createProject();
    await storeVoucher(server, { code: 'SOLO-1' }, project);
    await storeVoucher(server, { code: 'OFF-1', active: false }, project);
    const first = await publish(project, { voucher: 'SOLO-1', customer: { source_id: 'una' } });
    expectConformsToSpec('post', '/v1/publications', 200, first);
    expect(first.voucher).toMatchObject({ code: 'SOLO-1', holder_id: first.customer_id });
    const again = await publish(project, { voucher: 'SOLO-1', customer: { source_id: 'una' } });
    expect(again.voucher.publish.count).toBe(2);
    await expect(publish(project, { voucher: 'SOLO-1', customer: { source_id: 'otto' } })).rejects.toMatchObject({
      code: 400,
      key: 'voucher_already_published',
    });
    await expect(publish(project, { voucher: 'OFF-1', customer: { source_id: 'otto' } })).rejects.toMatchObject({
      key: 'no_voucher_suitable_for_publication',
    });
    await campaign(project, { name: 'Empty' });
    await expect(
      publish(project, { campaign: { name: 'Empty' }, customer: { source_id: 'otto' } }),
    ).rejects.toMatchObject({ code: 400, key: 'no_voucher_suitable_for_publication' });
    await expect(
      publish(project, { campaign: { name: 'Nope' }, customer: { source_id: 'otto' } }),
    ).rejects.toMatchObject({ code: 404, key: 'not_found' });
    const noCustomer = await raw(project, 'POST', '/publications', { voucher: 'SOLO-1' });
    expect(noCustomer).toMatchObject({ status: 400, body: { key: 'invalid_payload' } });
    const tooMany = await raw(project, 'POST', '/publications', {
      campaign: { name: 'Empty', count: 51 },
      customer: { source_id: 'otto' },
    });
    expect(tooMany.status).toBe(400);
  });

  it('publishes from a storefront only where the project allows it', async () => {
    const closed = await server.createProject();
    await campaign(closed, { name: 'Web', vouchers_count: 2 });
    await expect(
      server.clientSdk(closed).publish('Web', { customer: { source_id: 'shopper' } } as never),
    ).rejects.toMatchObject({ code: 403, key: 'forbidden' });

    const open = await server.createProject({ client_publish_enabled: true });
    await campaign(open, { name: 'Web', vouchers_count: 2 });
    const published = loose(
      await server.clientSdk(open).publish('Web', { customer: { source_id: 'shopper' } } as never),
    );
    expect(published).toMatchObject({
      object: 'publication',
      result: 'SUCCESS',
      channel: 'Voucherify.js',
      customer: { source_id: 'shopper', object: 'customer' },
      voucher: { campaign: 'Web', holder_id: published.customer_id },
    });
  });
});
