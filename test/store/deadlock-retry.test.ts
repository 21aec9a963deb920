import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import { createProject } from '../../src/app/projects/create-project.js';
import { randomIds } from '../../src/app/random-ids.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { blankVoucher } from '../../src/app/vouchers/voucher-fields.js';
import { TEST_DATABASES } from '../support/databases.js';

const clock = fixedClock('2026-03-01T10:00:00.000Z');
// SQLite runs one transaction at a time, so two can never wait on each other's locks.
const postgres = TEST_DATABASES.find((database) => database.name === 'postgres');

describe.runIf(postgres)('a transaction PostgreSQL aborts to break a deadlock', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let projectId: string;

  beforeAll(async () => {
    ({ store, dispose } = await (postgres as NonNullable<typeof postgres>).open());
    projectId = (await createProject(store, clock, randomIds, { name: 'deadlocks' })).project.id;
  });
  afterAll(() => dispose?.());

  async function newVoucher(code: string): Promise<string> {
    const voucher = blankVoucher(randomIds.newId('v_'), code, null, clock.now().toISOString());
    await store.forProject(projectId).vouchers.insert({ voucher, codeKey: code });
    return voucher.id;
  }

  it('runs again whole, so both sides of the deadlock commit and each counts once', async () => {
    const [a, b] = [await newVoucher('LOCK-A'), await newVoucher('LOCK-B')];
    let holding = 0;
    let bothHold: () => void = () => {};
    const bothHoldTheirFirstLock = new Promise<void>((resolve) => {
      bothHold = resolve;
    });
    const runs = { ab: 0, ba: 0 };
    // Each counts a use of one voucher, then (on its first run, once the other holds its first
    // lock too) of the other: the two wait on each other until PostgreSQL aborts one.
    const countBoth = (first: string, second: string, side: keyof typeof runs) =>
      store.forProject(projectId).transaction(async (trx) => {
        runs[side] += 1;
        await trx.vouchers.incrementRedeemed(first, null);
        if (runs[side] === 1) {
          holding += 1;
          if (holding === 2) bothHold();
          await bothHoldTheirFirstLock;
        }
        await trx.vouchers.incrementRedeemed(second, null);
      });

    await Promise.all([countBoth(a, b, 'ab'), countBoth(b, a, 'ba')]);

    expect(runs.ab + runs.ba).toBe(3);
    const vouchers = store.forProject(projectId).vouchers;
    expect((await vouchers.findById(a))?.redeemed_quantity).toBe(2);
    expect((await vouchers.findById(b))?.redeemed_quantity).toBe(2);
  });
});
