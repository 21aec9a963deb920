import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../src/app/random-ids.js';
import {
  listTimeDependentSegments,
  sweepTimeDependentSegments,
} from '../../src/app/segments/sweep-time-dependent-segments.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { SegmentSweeper } from '../../src/jobs/segment-sweeper.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T10:00:00.000Z');

const WITHIN_30_DAYS = { 'events.purchase.last_at': { conditions: { $less_than_ago: [30] } } };
const LAPSED = {
  junction: 'AND',
  'events.purchase.last_at': { conditions: { $more_than_ago: [30] } },
  'events.purchase.count': { conditions: { $more_than: [0] } },
};

describe.each(TEST_DATABASES)('the segment sweeper on $name', (database) => {
  const clock = fixedClock(new Date(T0));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock });
  });
  afterAll(() => server?.close());

  const sweeper = () => new SegmentSweeper(server.store, clock, randomIds, { intervalSeconds: 0, batchSize: 2 });

  async function segmentEvents(project: TestProject) {
    const events = await server.store.forProject(project.id).outbox.listPending(10_000);
    return events
      .filter((event) => event.type.startsWith('customer.segment.'))
      .map((event) => {
        const payload = loose(event.payload);
        return { type: event.type, customer: payload.id, segment: payload.segment.name };
      });
  }

  async function purchase(project: TestProject, sourceId: string, at: number): Promise<string> {
    clock.set(new Date(at));
    await server.sdk(project).events.create('purchase', { customer: { source_id: sourceId } } as never);
    const customer = await server.store.forProject(project.id).customers.findBySourceId(sourceId);
    return customer?.id ?? '';
  }

  async function memberships(project: TestProject, customerId: string): Promise<string[]> {
    const segments = await server.store.forProject(project.id).segments.listOfCustomer(customerId);
    return segments.map((segment) => segment.name).sort();
  }

  async function setUp() {
    const project = await server.createProject();
    const ada = await purchase(project, 'ada', T0 - 10 * DAY);
    const bob = await purchase(project, 'bob', T0 - 40 * DAY);
    clock.set(new Date(T0));
    const sdk = server.sdk(project);
    await sdk.segments.create({ name: 'recent', type: 'auto-update', filter: WITHIN_30_DAYS } as never);
    await sdk.segments.create({ name: 'lapsed', type: 'auto-update', filter: LAPSED } as never);
    return { project, ada, bob };
  }

  it('moves a customer out of "purchased within 30 days" when time passes, reporting it once', async () => {
    const { project, ada, bob } = await setUp();
    expect(await memberships(project, ada)).toEqual(['recent']);
    expect(await memberships(project, bob)).toEqual(['lapsed']);
    expect(await segmentEvents(project)).toEqual([]);

    clock.set(new Date(T0 + 25 * DAY));
    const report = await sweeper().sweepOnce();
    expect(report.projects).toBeGreaterThanOrEqual(1);
    expect(await memberships(project, ada)).toEqual(['lapsed']);
    expect(await memberships(project, bob)).toEqual(['lapsed']);
    expect(await segmentEvents(project)).toEqual([
      { type: 'customer.segment.entered', customer: ada, segment: 'lapsed' },
      { type: 'customer.segment.left', customer: ada, segment: 'recent' },
    ]);

    // Nothing changed since: the next sweep has no window to look at.
    const again = await sweeper().sweepOnce();
    expect(again.evaluated).toBe(0);
    expect(await segmentEvents(project)).toHaveLength(2);
  });

  it('gives one event when two sweepers run at once', async () => {
    const { project, ada } = await setUp();
    clock.set(new Date(T0 + 25 * DAY));
    const [first, second] = await Promise.all([sweeper().sweepOnce(), sweeper().sweepOnce()]);
    expect(first.evaluated + second.evaluated).toBeGreaterThan(0);
    expect(await segmentEvents(project)).toEqual([
      { type: 'customer.segment.entered', customer: ada, segment: 'lapsed' },
      { type: 'customer.segment.left', customer: ada, segment: 'recent' },
    ]);
  });

  it('gives one event even when two sweeps overlap without a lease', async () => {
    const { project, ada } = await setUp();
    clock.set(new Date(T0 + 25 * DAY));
    const store = server.store.forProject(project.id);
    const segments = await listTimeDependentSegments(store);
    expect(segments.map(({ segment }) => segment.name)).toEqual(['recent', 'lapsed']);
    const sweep = () => sweepTimeDependentSegments({ clock, ids: randomIds }, store, segments, { batchSize: 1 });
    await Promise.all([sweep(), sweep(), sweep()]);
    expect(await memberships(project, ada)).toEqual(['lapsed']);
    expect(await segmentEvents(project)).toHaveLength(2);
  });

  it('leaves a project alone while another sweeper holds it', async () => {
    const { project, ada } = await setUp();
    clock.set(new Date(T0 + 25 * DAY));
    const held = { holder: 'someone_else', until: new Date(T0 + 26 * DAY).toISOString() };
    const segments = server.store.forProject(project.id).segments;
    expect(await segments.claimSweepLease(held, clock.now().toISOString())).toBe(true);
    await sweeper().sweepOnce();
    expect(await memberships(project, ada)).toEqual(['recent']);
    await segments.releaseSweepLease(held);
    await sweeper().sweepOnce();
    expect(await memberships(project, ada)).toEqual(['lapsed']);
  });

  it('brings in a customer whose purchase becomes recent only as time passes', async () => {
    // A purchase dated ahead of the clock (another process's clock ran fast) is not yet "within".
    const { project } = await setUp();
    const cleo = await purchase(project, 'cleo', T0 + 2 * DAY);
    clock.set(new Date(T0 + DAY));
    await server.sdk(project).customers.update({ source_id: 'cleo', name: 'Cleo' } as never);
    expect(await memberships(project, cleo)).toEqual([]);
    clock.set(new Date(T0 + 3 * DAY));
    await sweeper().sweepOnce();
    expect(await memberships(project, cleo)).toEqual(['recent']);
  });

  it('refuses nothing it used to: a relative filter is accepted and shown back as sent', async () => {
    const project = await server.createProject();
    const created = loose(
      await server
        .sdk(project)
        .segments.create({ name: 'recent', type: 'auto-update', filter: WITHIN_30_DAYS } as never),
    );
    expect(created.filter).toEqual({ junction: 'and', ...WITHIN_30_DAYS });
  });
});
