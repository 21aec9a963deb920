import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import { createProject } from '../../src/app/projects/create-project.js';
import { randomIds } from '../../src/app/random-ids.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { AsyncActionWorker } from '../../src/jobs/async-action-worker.js';
import { queuedAsyncAction } from '../support/async-action-fixtures.js';
import { TEST_DATABASES } from '../support/databases.js';

const clock = fixedClock('2026-03-01T10:00:00.000Z');

describe.each(TEST_DATABASES)('the async action worker on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let projectId: string;

  beforeAll(async () => {
    ({ store, dispose } = await database.open());
    projectId = (await createProject(store, clock, randomIds, { name: 'jobs' })).project.id;
  });
  afterAll(() => dispose?.());

  const runUntilIdle = () => new AsyncActionWorker(store, clock, randomIds).runPending();

  it('carries out a queued bulk update and reports per-row results', async () => {
    const action = queuedAsyncAction({
      payload: [
        { source_id: 'w-1', name: 'One' },
        { source_id: 'w-2', name: 'Two' },
      ],
    });
    await store.forProject(projectId).asyncActions.insert(action);
    await runUntilIdle();
    const done = await store.forProject(projectId).asyncActions.findById(action.id);
    expect(done).toMatchObject({ status: 'DONE', operation_status: 'SUCCESS', progress: 100, attempts: 1 });
    expect(done?.result).toMatchObject({ done_count: 2, failed_count: 0 });
    expect((await store.forProject(projectId).customers.findBySourceId('w-2'))?.name).toBe('Two');
  });

  it('fails an action whose handler breaks, without showing the internal cause', async () => {
    const action = queuedAsyncAction({ payload: { not: 'an array' } });
    await store.forProject(projectId).asyncActions.insert(action);
    await runUntilIdle();
    const failed = await store.forProject(projectId).asyncActions.findById(action.id);
    expect(failed).toMatchObject({ status: 'FAILED', operation_status: 'FAILED' });
    expect(failed?.result?.message).toBe('The action failed; the server log has the cause');
  });

  it('gives up on an action that interrupted its workers too often', async () => {
    const action = queuedAsyncAction({ attempts: 3, payload: [{ source_id: 'never' }] });
    await store.forProject(projectId).asyncActions.insert(action);
    await runUntilIdle();
    const failed = await store.forProject(projectId).asyncActions.findById(action.id);
    expect(failed).toMatchObject({ status: 'FAILED' });
    expect(failed?.result?.message).toMatch(/Gave up/);
    expect(await store.forProject(projectId).customers.findBySourceId('never')).toBeUndefined();
  });
});
