import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import { createProject } from '../../src/app/projects/create-project.js';
import { randomIds } from '../../src/app/random-ids.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { AppError } from '../../src/domain/errors.js';
import { AsyncActionWorker } from '../../src/jobs/async-action-worker.js';
import { queuedAsyncAction } from '../support/async-action-fixtures.js';
import { TEST_DATABASES } from '../support/databases.js';

const clock = fixedClock('2026-03-01T10:00:00.000Z');

describe.each(TEST_DATABASES)('the async action worker while the database is away, on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let projectId: string;

  beforeAll(async () => {
    ({ store, dispose } = await database.open());
    projectId = (await createProject(store, clock, randomIds, { name: 'outage' })).project.id;
  });
  afterAll(() => dispose?.());

  /** The store, but the database cannot be reached for the next `outage.lookups` project lookups. */
  function storeAway(outage: { lookups: number }): Store {
    const projects = Object.assign(Object.create(store.projects) as Store['projects'], {
      findById: async (id: string) => {
        if (outage.lookups > 0) {
          outage.lookups -= 1;
          throw new AppError('service_unavailable', { details: 'The database cannot be reached; retry shortly' });
        }
        return store.projects.findById(id);
      },
    });
    return Object.assign(Object.create(store) as Store, { projects });
  }

  it('runs an interrupted action again once the database answers, under the same lease, and never fails it', async () => {
    const outage = { lookups: 2 };
    const worker = new AsyncActionWorker(storeAway(outage), clock, randomIds);
    const action = queuedAsyncAction({ payload: [{ source_id: 'outage-1', name: 'Back again' }] });
    await store.forProject(projectId).asyncActions.insert(action);
    const stored = () => store.forProject(projectId).asyncActions.findById(action.id);

    await worker.runPending();
    expect(await stored()).toMatchObject({ status: 'IN_PROGRESS', attempts: 1 });
    await worker.runPending();
    expect(await stored()).toMatchObject({ status: 'IN_PROGRESS', attempts: 1 });
    expect(outage.lookups).toBe(0);

    await worker.runPending();
    expect(await stored()).toMatchObject({ status: 'DONE', operation_status: 'SUCCESS', attempts: 1 });
    expect((await store.forProject(projectId).customers.findBySourceId('outage-1'))?.name).toBe('Back again');
  });
});
