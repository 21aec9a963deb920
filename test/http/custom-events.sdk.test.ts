import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

describe.each(TEST_DATABASES)(
  'custom events, customer summary and activities through the official SDK on $name',
  (database) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(database, { clock: tickingClock() });
    });
    afterAll(() => server?.close());

    const countEvents = (customerId: string, event: string, since?: string) =>
      server.store.forProject(server.project.id).customEvents.countForCustomer(customerId, event, since);

    const postEvent = (body: unknown, headers = server.serverHeaders(), path = '/v1/events') =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const customerCount = async () => loose(await server.sdk().customers.list({ limit: 1 } as never)).total as number;

    it('tracks an event with the server key: creates the customer, stores the event with its metadata', async () => {
      const answer = loose(
        await server.sdk().events.create('signed_up', {
          customer: { source_id: 'ev-alice', name: 'Alice', email: 'alice@example.com' },
          metadata: { plan: 'pro', seats: 3 },
        } as never),
      );
      expectConformsToSpec('post', '/v1/events', 200, answer);
      expect(answer).toEqual({
        object: 'event',
        type: 'signed_up',
        customer: {
          id: expect.stringMatching(/^cust_/),
          source_id: 'ev-alice',
          name: 'Alice',
          email: 'alice@example.com',
          metadata: {},
          object: 'customer',
        },
        referral: null,
        loyalty: null,
        metadata: { plan: 'pro', seats: 3 },
      });
      const customer = loose(await server.sdk().customers.get('ev-alice'));
      expect(customer).toMatchObject({ id: answer.customer.id, name: 'Alice' });
      expect(await countEvents(customer.id, 'signed_up')).toBe(1);
      expect(await countEvents(customer.id, 'signed_up', '2999-01-01T00:00:00.000Z')).toBe(0);
      expect(await countEvents(customer.id, 'other')).toBe(0);

      // A second event updates the customer it names, as a server-side upsert does.
      await server.sdk().events.create('signed_up', { customer: { source_id: 'ev-alice', name: 'Alice B.' } } as never);
      expect(await countEvents(customer.id, 'signed_up')).toBe(2);
      expect(loose(await server.sdk().customers.get('ev-alice')).name).toBe('Alice B.');
      const outbox = await server.store.forProject(server.project.id).outbox.listPending(1000);
      expect(outbox.filter((e) => e.type === 'customer.custom_event').length).toBeGreaterThanOrEqual(2);
    });

    it.each([
      ['an empty event name', { event: '', customer: { source_id: 'ev-bad' } }, 400],
      ['a blank event name', { event: '   ', customer: { source_id: 'ev-bad' } }, 400],
      ['an event name over 300 characters', { event: 'x'.repeat(301), customer: { source_id: 'ev-bad' } }, 400],
      ['no event name', { customer: { source_id: 'ev-bad' } }, 400],
      ['no customer', { event: 'clicked' }, 400],
      ['a customer with neither id nor source_id', { event: 'clicked', customer: { name: 'Nobody' } }, 400],
      ['metadata that is not an object', { event: 'clicked', customer: { source_id: 'ev-bad' }, metadata: [1] }, 400],
      ['a loyalty without code', { event: 'clicked', customer: { source_id: 'ev-bad' }, loyalty: {} }, 400],
      ['an unknown customer id', { event: 'clicked', customer: { id: 'cust_nobody', source_id: 'ev-bad' } }, 404],
    ])('refuses %s and stores nothing', async (_name, body, status) => {
      const before = await customerCount();
      const response = await postEvent(body);
      expect(response.status).toBe(status);
      const error = loose(await response.json());
      expect(error).toMatchObject({ code: status, key: expect.any(String), message: expect.any(String) });
      expect(error.request_id).toMatch(/^v-/);
      expect(await customerCount()).toBe(before);
      await expect(server.sdk().customers.get('ev-bad')).rejects.toMatchObject({ code: 404 });
    });

    it('tracks an event with the client-side key: creates a new customer, never rewrites a stored one', async () => {
      const client = server.clientSdk();
      const answer = loose(
        await client.track('page_viewed', { source_id: 'ev-bob', email: 'bob@example.com' } as never, {
          page: '/home',
        }),
      );
      expectConformsToSpec('post', '/client/v1/events', 200, answer);
      expect(answer).toMatchObject({
        object: 'event',
        type: 'page_viewed',
        customer: { source_id: 'ev-bob', email: 'bob@example.com', object: 'customer' },
        metadata: { page: '/home' },
      });
      const bob = loose(await server.sdk().customers.get('ev-bob'));
      expect(bob.email).toBe('bob@example.com');
      expect(await countEvents(bob.id, 'page_viewed')).toBe(1);

      await server.sdk().customers.create({ source_id: 'ev-stored', name: 'Stored', email: 'stored@example.com' });
      const second = loose(await client.track('page_viewed', { source_id: 'ev-stored', name: 'Rewritten' } as never));
      // The answer shows what the request said, and nothing stored that it did not say.
      expect(second.customer).toMatchObject({ source_id: 'ev-stored', name: 'Rewritten' });
      expect(second.customer.email).toBeUndefined();
      const stored = loose(await server.sdk().customers.get('ev-stored'));
      expect(stored).toMatchObject({ name: 'Stored', email: 'stored@example.com' });
      expect(await countEvents(stored.id, 'page_viewed')).toBe(1);
    });

    it('refuses client-side events that name a customer by id only, or a loyalty card without permission', async () => {
      const alice = loose(await server.sdk().customers.get('ev-alice'));
      const byId = await postEvent(
        { event: 'clicked', customer: { id: alice.id } },
        server.clientHeaders(),
        '/client/v1/events',
      );
      expect(byId.status).toBe(400);
      const loyalty = await postEvent(
        { event: 'clicked', customer: { source_id: 'ev-loyal' }, loyalty: { code: 'CARD-1' } },
        server.clientHeaders(),
        '/client/v1/events',
      );
      expect(loyalty.status).toBe(403);
      await expect(server.sdk().customers.get('ev-loyal')).rejects.toMatchObject({ code: 404 });
      // A client-side key reaches only /client/v1; a server key with no secret is refused.
      const serverPath = await postEvent({ event: 'clicked', customer: { source_id: 'ev-x' } }, server.clientHeaders());
      expect(serverPath.status).toBe(401);
    });

    it('sums the customer redemptions: two succeeded, one failed, one rolled back', async () => {
      const sdk = server.sdk();
      await sdk.vouchers.create({
        code: 'EV-TWICE',
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'AMOUNT', amount_off: 500 },
        redemption: { quantity: 2 },
      } as never);
      const customer = { source_id: 'ev-carol' };
      const first = loose(await sdk.redemptions.redeem('EV-TWICE', { customer, order: { amount: 5000 } } as never));
      await sdk.redemptions.redeem('EV-TWICE', { customer, order: { amount: 5000 } } as never);
      await expect(
        sdk.redemptions.redeem('EV-TWICE', { customer, order: { amount: 5000 } } as never),
      ).rejects.toMatchObject({ key: 'quantity_exceeded' });
      await sdk.redemptions.rollback(first.id, { reason: 'returned' });
      await sdk.events.create('reviewed', { customer, metadata: { stars: 5 } } as never);
      await sdk.events.create('reviewed', { customer, metadata: { stars: 4 } } as never);

      const carol = loose(await sdk.customers.get('ev-carol'));
      expectConformsToSpec('get', '/v1/customers/{customerId}', 200, carol);
      expect(carol.summary.redemptions).toMatchObject({
        total_redeemed: 3,
        total_failed: 1,
        total_succeeded: 2,
        total_rolled_back: 1,
        total_rollback_failed: 0,
        total_rollback_succeeded: 1,
      });
      const listed = loose(await sdk.customers.list({ limit: 100 } as never));
      const inList = listed.customers.find((c: Loose) => c.source_id === 'ev-carol');
      expect(inList.summary.redemptions).toEqual(carol.summary.redemptions);
      const alice = listed.customers.find((c: Loose) => c.source_id === 'ev-alice');
      expect(alice.summary.redemptions).toMatchObject({ total_redeemed: 0, total_succeeded: 0 });
    });

    it('lists the activities newest first, by page and by cursor, with type filters', async () => {
      const sdk = server.sdk();
      const carol = loose(await sdk.customers.get('ev-carol'));
      // 3 redemption attempts, 1 rollback, 2 custom events, in that order.
      const all = loose(await sdk.customers.listActivities('ev-carol', { limit: 100 }));
      expectConformsToSpec('get', '/v1/customers/{customerId}/activities', 200, all, 'legacy');
      expect(all.total).toBe(6);
      expect(all.data.map((a: Loose) => a.type)).toEqual([
        'customer.custom_event',
        'customer.custom_event',
        'customer.redemption.rollback.succeeded',
        'customer.redemption.failed',
        'customer.redemption.succeeded',
        'customer.redemption.succeeded',
      ]);
      const [latest] = all.data;
      expect(latest).toMatchObject({
        id: expect.stringMatching(/^event_/),
        data: {
          data: {
            event: { object: 'event', type: 'reviewed', metadata: { stars: 4 }, customer: { id: carol.id } },
            customer: { id: carol.id, source_id: 'ev-carol', object: 'customer' },
          },
          event_source: { channel: 'API' },
        },
        group_id: expect.stringMatching(/^v-/),
      });
      expect(all.data[2].data.data.redemption_rollback).toMatchObject({
        result: 'SUCCESS',
        object: 'redemption_rollback',
      });
      expect(all.data[5].data.data).toMatchObject({
        voucher: { code: 'EV-TWICE' },
        redemption: { status: 'ROLLED_BACK' },
      });

      const ids = all.data.map((a: Loose) => a.id);
      const firstPage = loose(await sdk.customers.listActivities('ev-carol', { limit: 4 }));
      const secondPage = loose(await sdk.customers.listActivities('ev-carol', { limit: 4, page: 2 } as never));
      expect([...firstPage.data, ...secondPage.data].map((a: Loose) => a.id)).toEqual(ids);
      expect(firstPage.total).toBe(6);

      const oldestFirst = loose(await sdk.customers.listActivities(carol.id, { order: 'created_at', limit: 100 }));
      expect(oldestFirst.data.map((a: Loose) => a.id)).toEqual([...ids].reverse());

      const byDate = loose(
        await sdk.customers.listActivities('ev-carol', { starting_after: all.data[1].created_at, limit: 100 }),
      );
      expect(byDate.data.map((a: Loose) => a.id)).toEqual(ids.slice(2));

      const cursor1 = loose(await sdk.customers.listActivity('ev-carol', { limit: 4 }));
      expectConformsToSpec('get', '/v1/customers/{customerId}/activity', 200, cursor1);
      expect(cursor1).toMatchObject({ has_more: true, more_starting_after: ids[3] });
      const cursor2 = loose(
        await sdk.customers.listActivity('ev-carol', { limit: 4, starting_after_id: cursor1.more_starting_after }),
      );
      expect(cursor2).toMatchObject({ has_more: false, more_starting_after: null });
      expect([...cursor1.data, ...cursor2.data].map((a: Loose) => a.id)).toEqual(ids);

      const events = loose(await sdk.customers.listActivity('ev-carol', { type: 'customer.custom_event' }));
      expect(events.data).toHaveLength(2);
      const window = loose(
        await sdk.customers.listActivity('ev-carol', {
          start_date: all.data[4].created_at,
          end_date: all.data[1].created_at,
        }),
      );
      expect(window.data.map((a: Loose) => a.id)).toEqual(ids.slice(1, 5));
      const effects = loose(await sdk.customers.listActivity('ev-carol', { category: 'EFFECT' }));
      expect(effects.data).toEqual([]);
      const ofCampaign = loose(await sdk.customers.listActivity('ev-carol', { campaign_id: 'camp_none' }));
      expect(ofCampaign.data).toEqual([]);
      await expect(sdk.customers.listActivity('ev-carol', { campaign_type: 'PROMOTION' })).rejects.toMatchObject({
        code: 403,
        key: 'missing_required_feature',
      });
    });

    it('answers 404 for an unknown customer and for another project, 400 for a bad cursor', async () => {
      await expect(server.sdk().customers.listActivities('ev-nobody')).rejects.toMatchObject({ code: 404 });
      await expect(server.sdk(server.otherProject).customers.listActivities('ev-carol')).rejects.toMatchObject({
        code: 404,
      });
      await expect(
        server.sdk().customers.listActivity('ev-carol', { starting_after_id: 'event_unknown' }),
      ).rejects.toMatchObject({ code: 400 });
    });

    it('creates exactly one customer for many parallel events of a new source_id', async () => {
      const before = await customerCount();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          server.sdk().events.create('burst', { customer: { source_id: 'ev-burst' }, metadata: { i } } as never),
        ),
      );
      const ids = new Set(results.map((r) => loose(r).customer.id));
      expect(ids.size).toBe(1);
      expect(await customerCount()).toBe(before + 1);
      const [id] = [...ids];
      expect(await countEvents(id as string, 'burst')).toBe(20);
    });
  },
);
