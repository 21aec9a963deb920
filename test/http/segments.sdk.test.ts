import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { rawApi } from '../support/raw-api.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const VIP_FILTER = { junction: 'AND' as const, 'metadata.tier': { conditions: { $is: ['vip'] } } };

describe.each(TEST_DATABASES)('segments through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  /** Every test works in a project of its own, so one test's segments never refresh another's customers. */
  async function freshProject() {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const api = rawApi(server.url, { appId: project.serverKey.app_id, secret: project.serverKey.app_token });
    return { project, sdk, api };
  }

  async function segmentEvents(project: TestProject, customerId?: string) {
    const events = await server.store.forProject(project.id).outbox.listPending(10_000);
    return events
      .filter((event) => event.type.startsWith('customer.segment.'))
      .map((event) => ({ type: event.type, payload: loose(event.payload) }))
      .filter((event) => customerId === undefined || event.payload.id === customerId);
  }

  async function memberIds(project: TestProject, customerId: string) {
    return server.store.forProject(project.id).segments.segmentIdsOfCustomer(customerId);
  }

  it('creates, reads, lists and deletes a static segment of customers named by id or source_id', async () => {
    const { project, sdk, api } = await freshProject();
    const ada = loose(await sdk.customers.create({ source_id: 'ada', name: 'Ada' }));
    const bob = loose(await sdk.customers.create({ source_id: 'bob' }));
    const created = loose(
      await sdk.segments.create({ name: 'Friends', type: 'static', customers: [ada.id, 'bob', 'bob'] }),
    );
    expectConformsToSpec('post', '/v1/segments', 200, created);
    expect(created).toEqual({
      id: expect.stringMatching(/^seg_/),
      name: 'Friends',
      created_at: expect.stringMatching(/Z$/),
      type: 'static',
      filter: null,
      initial_sync_status: 'DONE',
      object: 'segment',
    });
    const read = loose(await sdk.segments.get(created.id));
    expectConformsToSpec('get', '/v1/segments/{segmentId}', 200, read);
    expect(read).toEqual(created);

    const ofBob = loose(await sdk.segments.list('bob'));
    expectConformsToSpec('get', '/v1/customers/{customerId}/segments', 200, ofBob);
    expect(ofBob).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [{ id: created.id, name: 'Friends', object: 'segment' }],
      total: 1,
    });
    expect(await memberIds(project, ada.id)).toEqual([created.id]);

    const listed = await api('GET', '/v1/segments?limit=10');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ object: 'list', data_ref: 'data', total: 1, data: [read] });

    // A static segment's members are chosen, not matched: no event either way.
    expect(await segmentEvents(project)).toEqual([]);

    await sdk.segments.delete(created.id);
    await expect(sdk.segments.get(created.id)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(sdk.segments.delete(created.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.segments.list(bob.id)).data).toEqual([]);
    expect(await memberIds(project, bob.id)).toEqual([]);
  });

  it('refuses a static segment naming an unknown customer, storing nothing', async () => {
    const { sdk, api } = await freshProject();
    const ada = loose(await sdk.customers.create({ source_id: 'ada' }));
    await expect(
      sdk.segments.create({ name: 'Ghosts', type: 'static', customers: [ada.id, 'cust_nobody'] }),
    ).rejects.toMatchObject({ code: 404, details: 'Cannot find customer with id cust_nobody' });
    expect((await api('GET', '/v1/segments')).body.total).toBe(0);
  });

  it.each([
    ['an unknown field', { loyalty_points: { conditions: { $is: [1] } } }, 'filter.loyalty_points: unknown field'],
    ['an unknown operator', { birthdate: { conditions: { $next_month: [true] } } }, 'unknown operator'],
    [
      'a text for a number',
      { 'summary.orders.total_amount': { conditions: { $more_than: ['x'] } } },
      'expected a number',
    ],
    ['no field', { junction: 'and' }, 'at least one customer field'],
    ['a malformed event field', { 'events.signed_up': { conditions: { $is: [1] } } }, 'events.<name>.count'],
    ['a relative date on a text', { email: { conditions: { $less_than_ago: [30] } } }, 'apply to date fields only'],
    ['days that are no number', { created_at: { conditions: { $more_than_ago: ['soon'] } } }, 'number of days'],
  ])('refuses an auto-update filter with %s, storing nothing', async (_, filter, details) => {
    const { sdk, api } = await freshProject();
    await expect(sdk.segments.create({ name: 'Bad', type: 'auto-update', filter } as never)).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringContaining(details),
    });
    expect((await api('GET', '/v1/segments')).body.total).toBe(0);
  });

  it('refuses a segment whose type and contents disagree', async () => {
    const { sdk } = await freshProject();
    await expect(sdk.segments.create({ name: 'x', type: 'auto-update' })).rejects.toMatchObject({ code: 400 });
    await expect(sdk.segments.create({ name: 'x', type: 'static', filter: VIP_FILTER })).rejects.toMatchObject({
      code: 400,
    });
    await expect(
      sdk.segments.create({ name: 'x', type: 'auto-update', filter: VIP_FILTER, customers: ['a'] }),
    ).rejects.toMatchObject({ code: 400 });
  });

  it('keeps an auto-update segment up to date as customers change, reporting who enters and leaves', async () => {
    const { project, sdk } = await freshProject();
    const early = loose(await sdk.customers.create({ source_id: 'early', metadata: { tier: 'vip' } }));
    const plain = loose(await sdk.customers.create({ source_id: 'plain', metadata: { tier: 'basic' } }));
    const segment = loose(await sdk.segments.create({ name: 'VIPs', type: 'auto-update', filter: VIP_FILTER }));
    expect(segment.filter).toEqual(VIP_FILTER);
    expectConformsToSpec('post', '/v1/segments', 200, segment);

    // The initial membership is computed at creation, without events: no customer changed.
    expect(await memberIds(project, early.id)).toEqual([segment.id]);
    expect(await memberIds(project, plain.id)).toEqual([]);
    expect(await segmentEvents(project)).toEqual([]);

    await sdk.customers.update({ id: plain.id, metadata: { tier: 'vip' } });
    expect(loose(await sdk.segments.list(plain.id)).data).toEqual([
      { id: segment.id, name: 'VIPs', object: 'segment' },
    ]);
    expect(await segmentEvents(project, plain.id)).toEqual([
      {
        type: 'customer.segment.entered',
        payload: { object: 'customer', id: plain.id, segment: { id: segment.id, name: 'VIPs', object: 'segment' } },
      },
    ]);

    // An update that changes nothing else about membership reports nothing more.
    await sdk.customers.update({ id: plain.id, name: 'Still a VIP' });
    expect(await segmentEvents(project, plain.id)).toHaveLength(1);

    // The upsert path (POST /customers with a known source_id) moves the customer out.
    await sdk.customers.create({ source_id: 'plain', metadata: { tier: 'basic' } });
    expect(await memberIds(project, plain.id)).toEqual([]);
    expect((await segmentEvents(project, plain.id)).map((event) => event.type)).toEqual([
      'customer.segment.entered',
      'customer.segment.left',
    ]);

    // A new customer that matches enters at once.
    const fresh = loose(await sdk.customers.create({ source_id: 'fresh', metadata: { tier: 'vip' } }));
    expect(await memberIds(project, fresh.id)).toEqual([segment.id]);
    expect((await segmentEvents(project, fresh.id)).map((event) => event.type)).toEqual(['customer.segment.entered']);

    // Deleting a customer takes it out of its segments; deleting a segment reports no event.
    await sdk.customers.delete(fresh.id);
    expect(await memberIds(project, fresh.id)).toEqual([]);
    await sdk.segments.delete(segment.id);
    expect(await memberIds(project, early.id)).toEqual([]);
    expect(await segmentEvents(project, early.id)).toEqual([]);
  });

  it('follows order totals: an order that takes the customer over the line enters it', async () => {
    const { project, sdk } = await freshProject();
    const segment = loose(
      await sdk.segments.create({
        name: 'Big spenders',
        type: 'auto-update',
        filter: { 'summary.orders.total_amount': { conditions: { $more_than: [10000] } } },
      }),
    );
    const spender = loose(await sdk.customers.create({ source_id: 'spender' }));
    await sdk.orders.create({ customer: { source_id: 'spender' }, amount: 6000, status: 'PAID' } as never);
    expect(await memberIds(project, spender.id)).toEqual([]);
    await sdk.orders.create({ customer_id: spender.id, amount: 6000, status: 'PAID' } as never);
    expect(await memberIds(project, spender.id)).toEqual([segment.id]);
    expect((await segmentEvents(project, spender.id)).map((event) => event.type)).toEqual(['customer.segment.entered']);
  });

  it('parallel orders that together take a customer over the line enter it exactly once', async () => {
    const { project, sdk } = await freshProject();
    const segment = loose(
      await sdk.segments.create({
        name: 'Big spenders',
        type: 'auto-update',
        filter: { 'summary.orders.total_amount': { conditions: { $more_than_equal: [24000] } } },
      }),
    );
    const spender = loose(await sdk.customers.create({ source_id: 'spender' }));
    await Promise.all(
      Array.from({ length: 8 }, () =>
        sdk.orders.create({ customer_id: spender.id, amount: 3000, status: 'PAID' } as never),
      ),
    );
    expect(await memberIds(project, spender.id)).toEqual([segment.id]);
    expect((await segmentEvents(project, spender.id)).map((event) => event.type)).toEqual(['customer.segment.entered']);
  });

  it('a passive segment follows its filter without reporting events', async () => {
    const { project, sdk } = await freshProject();
    const segment = loose(await sdk.segments.create({ name: 'Quiet', type: 'passive', filter: VIP_FILTER } as never));
    const ada = loose(await sdk.customers.create({ source_id: 'ada', metadata: { tier: 'vip' } }));
    expect(await memberIds(project, ada.id)).toEqual([segment.id]);
    expect(await segmentEvents(project)).toEqual([]);
  });

  it('matches custom events by count and recency', async () => {
    const { project, sdk } = await freshProject();
    const ada = loose(await sdk.customers.create({ source_id: 'ada' }));
    await sdk.customers.create({ source_id: 'bob' });
    const track = (sourceId: string) =>
      sdk.events.create('signed_up', { event: 'signed_up', customer: { source_id: sourceId } });
    await track('ada');
    await track('ada');
    await track('bob');
    const segment = loose(
      await sdk.segments.create({
        name: 'Keen',
        type: 'auto-update',
        filter: {
          'events.signed_up.count': { conditions: { $more_than_equal: [2] } },
          'events.signed_up.last_at': { conditions: { $after: ['2025-12-31T00:00:00.000Z'] } },
        },
      }),
    );
    expect(await memberIds(project, ada.id)).toEqual([segment.id]);
    expect(loose(await sdk.segments.list('bob')).data).toEqual([]);
  });

  it('answers 404 for the segments of a customer that does not exist', async () => {
    const { sdk } = await freshProject();
    await sdk.segments.create({ name: 'VIPs', type: 'auto-update', filter: VIP_FILTER });
    await expect(sdk.segments.list('nobody-yet')).rejects.toMatchObject({ code: 404, key: 'not_found' });
  });

  it('many parallel updates of one customer give one entered event and the right membership', async () => {
    const { project, sdk } = await freshProject();
    const segment = loose(await sdk.segments.create({ name: 'VIPs', type: 'auto-update', filter: VIP_FILTER }));
    const ada = loose(await sdk.customers.create({ source_id: 'ada' }));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => sdk.customers.update({ id: ada.id, metadata: { tier: 'vip', n: i } })),
    );
    expect(await memberIds(project, ada.id)).toEqual([segment.id]);
    expect((await segmentEvents(project, ada.id)).map((event) => event.type)).toEqual(['customer.segment.entered']);

    // In and out at once: events alternate, and the membership is what the last write left.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sdk.customers.update({ id: ada.id, metadata: { tier: i % 2 === 0 ? 'basic' : 'vip' } }),
      ),
    );
    const final = loose(await sdk.customers.get(ada.id));
    const isVip = final.metadata.tier === 'vip';
    expect(await memberIds(project, ada.id)).toEqual(isVip ? [segment.id] : []);
    const types = (await segmentEvents(project, ada.id)).map((event) => event.type);
    types.forEach((type, i) => {
      expect(type).toBe(i % 2 === 0 ? 'customer.segment.entered' : 'customer.segment.left');
    });
    expect(types.length % 2 === 1).toBe(isVip);
  });
});
