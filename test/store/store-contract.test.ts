import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectContext } from '../../src/app/context.js';
import { createCustomer } from '../../src/app/customers/create-customer.js';
import { upsertCustomer } from '../../src/app/customers/upsert-customer.js';
import type { Store } from '../../src/app/ports.js';
import { createProject } from '../../src/app/projects/create-project.js';
import { randomIds } from '../../src/app/random-ids.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { AppError } from '../../src/domain/errors.js';
import type { ListQuery } from '../../src/domain/lists/list-query.js';
import { openStore } from '../../src/store/open-store.js';
import { queuedAsyncAction } from '../support/async-action-fixtures.js';
import { TEST_DATABASES } from '../support/databases.js';

const clock = fixedClock('2026-03-01T10:00:00.000Z');

function listQuery(overrides: Partial<ListQuery> = {}): ListQuery {
  return { limit: 10, page: 1, order: { field: 'created_at', direction: 'asc' }, ...overrides };
}

describe.each(TEST_DATABASES)('the store contract on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let postgresSchema: string | undefined;
  let projectId: string;
  let otherProjectId: string;

  const context = (id = projectId): ProjectContext => ({
    project: undefined as never,
    store: store.forProject(id),
    clock,
    ids: randomIds,
    work: { wake: () => {} },
    requestId: null,
  });

  beforeAll(async () => {
    const opened = await database.open();
    store = opened.store;
    dispose = opened.dispose;
    postgresSchema = opened.postgresSchema;
    projectId = (await createProject(store, clock, randomIds, { name: 'A' })).project.id;
    otherProjectId = (await createProject(store, clock, randomIds, { name: 'B' })).project.id;
  });
  afterAll(() => dispose?.());

  it('keeps every project to itself', async () => {
    const customer = await createCustomer(context(), { source_id: 'same-source', name: 'In A' });
    await createCustomer(context(otherProjectId), { source_id: 'same-source', name: 'In B' });
    expect(await store.forProject(otherProjectId).customers.findById(customer.id)).toBeUndefined();
    expect((await store.forProject(projectId).customers.findBySourceId('same-source'))?.name).toBe('In A');
    expect((await store.forProject(otherProjectId).customers.findBySourceId('same-source'))?.name).toBe('In B');
    expect(await store.forProject(otherProjectId).customers.delete(customer.id)).toBe(false);
  });

  it('round-trips metadata, unicode and nulls exactly', async () => {
    const metadata = { emoji: '🎟️', quote: `it's "quoted"`, nested: { list: [1, 2.5, null, true] }, zero: 0 };
    const created = await createCustomer(context(), { source_id: 'ünïcödé 名前', metadata, address: { city: 'Łódź' } });
    const read = await store.forProject(projectId).customers.findById(created.id);
    expect(read).toEqual(created);
    expect(read?.metadata).toEqual(metadata);
  });

  it('creates one customer when 50 upserts of a new source_id race', async () => {
    const project = store.forProject(projectId);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        project.transaction((tx) => upsertCustomer(tx, clock, randomIds, { source_id: 'racer', metadata: { n: i } })),
      ),
    );
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
    const page = await project.customers.list(listQuery({ limit: 100 }), {});
    expect(page.items.filter((c) => c.source_id === 'racer')).toHaveLength(1);
  });

  it('turns a unique violation into duplicate_found, changing nothing', async () => {
    const project = store.forProject(projectId);
    const first = await createCustomer(context(), { source_id: 'taken' });
    const second = await createCustomer(context(), { source_id: 'free' });
    const error = await project.customers.update({ ...second, source_id: 'taken' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('duplicate_found');
    expect((await project.customers.findById(second.id))?.source_id).toBe('free');
    expect((await project.customers.findById(first.id))?.source_id).toBe('taken');
  });

  it('rolls a failed transaction back entirely', async () => {
    const project = store.forProject(projectId);
    await expect(
      project.transaction(async (tx) => {
        await upsertCustomer(tx, clock, randomIds, { source_id: 'never-committed' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await project.customers.findBySourceId('never-committed')).toBeUndefined();
  });

  it('pages by number and by cursor in a total order, and filters by dates', async () => {
    const id = (await createProject(store, clock, randomIds, { name: 'paging' })).project.id;
    const ctx = context(id);
    const localClock = fixedClock('2026-01-01T00:00:00.000Z');
    const created = [];
    for (let i = 0; i < 12; i++) {
      // Three customers share each millisecond: the id breaks ties, so no page repeats or skips one.
      if (i % 3 === 0) localClock.advance(1000);
      created.push(await createCustomer({ ...ctx, clock: localClock }, { source_id: `p-${i}` }));
    }
    const repo = store.forProject(id).customers;
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await repo.list(listQuery({ limit: 5, page }), {}));
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(pages.every((p) => p.total === 12)).toBe(true);
    expect(pages.map((p) => p.has_more)).toEqual([true, true, false]);
    const byPages = pages.flatMap((p) => p.items.map((c) => c.id));
    expect(new Set(byPages).size).toBe(12);

    const byCursor: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await repo.list(listQuery({ limit: 5, starting_after_id: after }), {});
      byCursor.push(...page.items.map((c) => c.id));
      if (!page.has_more) break;
      after = page.items.at(-1)?.id;
    }
    expect(byCursor).toEqual(byPages);

    const descending = await repo.list(
      listQuery({ limit: 100, order: { field: 'created_at', direction: 'desc' } }),
      {},
    );
    expect(descending.items.map((c) => c.id)).toEqual([...byPages].reverse());

    const window = await repo.list(
      listQuery({ limit: 100, created_at: { after: '2026-01-01T00:00:01.500Z', before: '2026-01-01T00:00:03.500Z' } }),
      {},
    );
    expect(window.items.map((c) => c.source_id).sort()).toEqual(['p-3', 'p-4', 'p-5', 'p-6', 'p-7', 'p-8']);
    expect(window.total).toBe(6);
  });

  it('answers a cursor that is not in the list with invalid_query_params', async () => {
    const error = await store
      .forProject(projectId)
      .customers.list(listQuery({ starting_after_id: 'cust_missing' }), {})
      .catch((e: unknown) => e);
    expect((error as AppError).key).toBe('invalid_query_params');
  });

  it('hands each queued async action to exactly one of several racing workers', async () => {
    const ctx = context();
    const ids = [];
    for (let i = 0; i < 20; i++) {
      const action = queuedAsyncAction({
        created_at: new Date(Date.parse('2020-01-01T00:00:00.000Z') + i).toISOString(),
      });
      ids.push(action.id);
      await ctx.store.asyncActions.insert(action);
    }
    const now = '2026-03-01T10:00:00.000Z';
    const lease = '2026-03-01T10:05:00.000Z';
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.asyncActionQueue.claimNext(`worker-${i % 4}`, now, lease)),
    );
    const claimed = claims.filter((c) => c !== undefined).map((c) => c.action.id);
    expect(claimed.sort()).toEqual([...ids].sort());

    // A lease that ran out lets another worker take the action again.
    const later = '2026-03-01T10:06:00.000Z';
    const retaken = await store.asyncActionQueue.claimNext('worker-late', later, '2026-03-01T10:11:00.000Z');
    expect(retaken?.action.attempts).toBe(2);
    expect(
      await store.asyncActionQueue.finish(
        retaken?.action.id as string,
        'worker-0',
        {
          status: 'DONE',
          operation_status: 'SUCCESS',
          result: null,
          processing_time: 1,
        },
        later,
      ),
    ).toBe(false);
    expect(
      await store.asyncActionQueue.finish(
        retaken?.action.id as string,
        'worker-late',
        {
          status: 'DONE',
          operation_status: 'SUCCESS',
          result: null,
          processing_time: 1,
        },
        later,
      ),
    ).toBe(true);
  });

  it.runIf(database.name === 'postgres')('lets two processes share one database without duplicates', async () => {
    // A second connection pool on the same schema stands in for a second server process.
    const second = await openStore(
      { kind: 'postgres', url: process.env.VOUCH_TEST_PG as string },
      {
        postgres: { schema: postgresSchema as string, poolSize: 5 },
      },
    );
    try {
      const racers = [store, second].flatMap((s) =>
        Array.from({ length: 25 }, () =>
          s
            .forProject(projectId)
            .transaction((tx) => upsertCustomer(tx, clock, randomIds, { source_id: 'two-processes' })),
        ),
      );
      const results = await Promise.all(racers);
      expect(new Set(results.map((c) => c.id)).size).toBe(1);
    } finally {
      await second.close();
    }
  });
});
