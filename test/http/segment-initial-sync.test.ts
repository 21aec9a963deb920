import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../src/app/random-ids.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { SegmentSweeper } from '../../src/jobs/segment-sweeper.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const VIP_FILTER = { junction: 'AND' as const, 'metadata.tier': { conditions: { $is: ['vip'] } } };
/** More than one batch of the initial pass (500). */
const CUSTOMERS = 520;

/** Runs `work` over the items, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

describe.each(TEST_DATABASES)("a filtered segment's initial sync on $name", (database) => {
  const clock = fixedClock(new Date(T0));
  let server: TestServer;
  let project: TestProject;
  /** Customer id to tier, as last written. */
  const tiers = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(database, { clock });
    project = await server.createProject();
    const sdk = server.sdk(project);
    const indexes = Array.from({ length: CUSTOMERS }, (_, i) => i);
    await inParallel(indexes, 8, async (i) => {
      const tier = i % 3 === 0 ? 'vip' : 'basic';
      const customer = loose(await sdk.customers.create({ source_id: `c${i}`, metadata: { tier } }));
      tiers.set(customer.id, tier);
    });
  }, 120_000);
  afterAll(() => server?.close());

  /** Every customer of the project is a member exactly when its last written tier is vip. */
  async function expectMembershipFollowsTiers(segmentId: string) {
    const store = server.store.forProject(project.id);
    const ids = [...tiers.keys()];
    const members = await store.segments.memberships(ids, [segmentId]);
    const memberIds = new Set(members.map((m) => m.customer_id));
    const wrong = ids.filter((id) => memberIds.has(id) !== (tiers.get(id) === 'vip'));
    expect(wrong).toEqual([]);
  }

  it('fills the segment over every customer, in batches, and answers DONE', async () => {
    const created = loose(
      await server.sdk(project).segments.create({ name: 'VIPs', type: 'auto-update', filter: VIP_FILTER }),
    );
    expectConformsToSpec('post', '/v1/segments', 200, created);
    expect(created.initial_sync_status).toBe('DONE');
    expect(loose(await server.sdk(project).segments.get(created.id)).initial_sync_status).toBe('DONE');
    await expectMembershipFollowsTiers(created.id);
    // The first pass reports nobody entering: no customer changed.
    const events = await server.store.forProject(project.id).outbox.listPending(10_000);
    expect(events.filter((e) => e.type.startsWith('customer.segment.'))).toEqual([]);
  }, 120_000);

  it('ends with the right membership when customers change while the segment is being created', async () => {
    const sdk = server.sdk(project);
    const ids = [...tiers.keys()];
    // Every fifth customer flips, some twice, while the segment is created.
    const flips = ids.filter((_, i) => i % 5 === 0);
    const updates = [...flips, ...flips.slice(0, 40)];
    const flip = async (id: string) => {
      const tier = tiers.get(id) === 'vip' ? 'basic' : 'vip';
      tiers.set(id, tier);
      await sdk.customers.update({ id, metadata: { tier } });
    };
    const [created] = await Promise.all([
      sdk.segments.create({ name: 'Racing VIPs', type: 'auto-update', filter: VIP_FILTER }),
      inParallel(updates, 6, flip),
    ]);
    expect(loose(created).initial_sync_status).toBe('DONE');
    await expectMembershipFollowsTiers(loose(created).id);
  }, 120_000);

  it('has the sweeper finish a first pass its request left IN_PROGRESS, once a minute has passed', async () => {
    const store = server.store.forProject(project.id);
    clock.set(new Date(T0));
    const segment = {
      id: randomIds.newId('seg_'),
      name: 'Stalled',
      type: 'auto-update' as const,
      filter: VIP_FILTER,
      initial_sync_status: 'IN_PROGRESS' as const,
      created_at: new Date(T0).toISOString(),
      updated_at: null,
    };
    await store.segments.insert(segment);
    const shown = loose(await server.sdk(project).segments.get(segment.id));
    expectConformsToSpec('get', '/v1/segments/{segmentId}', 200, shown);
    expect(shown.initial_sync_status).toBe('IN_PROGRESS');

    const sweeper = () => new SegmentSweeper(server.store, clock, randomIds, { intervalSeconds: 0, batchSize: 100 });
    // Half a minute on, the creating request may still be at it: left alone.
    clock.set(new Date(T0 + 30_000));
    await sweeper().sweepOnce();
    expect((await store.segments.findById(segment.id))?.initial_sync_status).toBe('IN_PROGRESS');

    clock.set(new Date(T0 + 90_000));
    await sweeper().sweepOnce();
    expect((await store.segments.findById(segment.id))?.initial_sync_status).toBe('DONE');
    await expectMembershipFollowsTiers(segment.id);
    // Done is done: the next sweep has nothing to resume.
    await sweeper().sweepOnce();
    await expectMembershipFollowsTiers(segment.id);
  }, 120_000);
});
