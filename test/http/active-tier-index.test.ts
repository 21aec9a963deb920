import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectStore } from '../../src/app/ports.js';
import { activeTierIndexOf } from '../../src/app/promotions/active-tier-index.js';
import { loadActiveTiers } from '../../src/app/promotions/active-tiers.js';
import type { PromotionIndexRepository } from '../../src/app/repositories/promotion-index-repository.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_DATABASES, type TestDatabase } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';

const cart = (amount: number) => ({
  amount,
  items: [{ source_id: 'index-sku', related_object: 'product' as const, quantity: 1, price: amount }],
});

const amountOff = (amount_off: number) => ({ discount: { type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' } });

/** A second store over the database `opened` holds: what another server process would open. */
async function reopen(opened: Awaited<ReturnType<TestDatabase['open']>>): Promise<KyselyStore> {
  return opened.config.kind === 'sqlite'
    ? openStore(opened.config, { migrate: false })
    : openStore(opened.config, { migrate: false, postgres: { schema: opened.postgresSchema as string, poolSize: 5 } });
}

/** A TestDatabase that hands out a store already open, so two servers can share one database. */
function over(database: TestDatabase, store: KyselyStore, config: Awaited<ReturnType<TestDatabase['open']>>['config']) {
  return { name: database.name, open: async () => ({ store, config, dispose: async () => {} }) } as TestDatabase;
}

/** The store with its index builds counted, and the next build held after its read while `hold` is on. */
function instrumented(store: ProjectStore) {
  const counts = { builds: 0, reads: 0 };
  let gate: Promise<void> | null = null;
  const inner = store.promotionIndex;
  const promotionIndex: PromotionIndexRepository = {
    readVersion: () => inner.readVersion(),
    raiseVersion: () => inner.raiseVersion(),
    listSwitchedOnTiers: async () => {
      counts.builds += 1;
      const held = gate;
      gate = null;
      const tiers = await inner.listSwitchedOnTiers();
      counts.reads += 1;
      if (held) await held;
      return tiers;
    },
  };
  const wrapped = Object.create(store, { promotionIndex: { value: promotionIndex } }) as ProjectStore;
  return {
    store: wrapped,
    counts,
    /** Holds the next build after it has read the tiers; answers its release. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return release;
    },
  };
}

describe.each(TEST_DATABASES)('the active promotion tier index on $name', (database) => {
  let opened: Awaited<ReturnType<TestDatabase['open']>>;
  let secondStore: KyselyStore;
  /** The writer: every change goes through this server. */
  let a: TestServer;
  /** The reader: a second server on the same database, as another process would be. */
  let b: TestServer;

  beforeAll(async () => {
    opened = await database.open();
    secondStore = await reopen(opened);
    a = await startTestServer(over(database, opened.store, opened.config));
    b = await startTestServer(over(database, secondStore, opened.config));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await secondStore?.close();
    await opened?.dispose();
  });

  /**
   * What server B's legacy validation qualifies, as [tier id, discount]. The two servers share this
   * test process, and so its module-level index; nothing on a write path touches that index, so
   * B sees A's change only through the version A's write raised in the database, as another
   * process would. Each case reads through B first, so B holds an index from before the change.
   */
  const qualifiedByB = async (project: TestProject, amount: number) =>
    (loose(await b.sdk(project).promotions.validate({ order: cart(amount) })).promotions as Loose[]).map(
      (p): [string, number] => [p.id, p.discount_amount],
    );

  const minimumRule = async (project: TestProject, minimum: number) =>
    loose(
      await a.sdk(project).validationRules.create({
        name: `at least ${minimum}`,
        rules: { '1': { name: 'order.amount', conditions: { $more_than_equal: [minimum] } }, logic: '1' },
      } as never),
    );

  const promotion = async (project: TestProject, name: string, tiers: Record<string, unknown>[]) => {
    const campaign = loose(
      await a.sdk(project).promotions.create({ name, campaign_type: 'PROMOTION', promotion: { tiers } } as never),
    );
    return { campaign, tiers: campaign.promotion.tiers as Loose[] };
  };

  const rawA = async (method: string, path: string, project: TestProject) => {
    const response = await fetch(`${a.url}/v1${path}`, { method, headers: a.serverHeaders(project) });
    expect(response.status).toBeLessThan(300);
  };

  it('sees a tier update, disable, enable, create and delete made through the other server', async () => {
    const project = await a.createProject();
    const { campaign, tiers } = await promotion(project, 'Tier changes', [{ name: 'T1', action: amountOff(500) }]);
    const tier = tiers[0] as Loose;
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 500]]);

    await a.sdk(project).promotions.tiers.update({ id: tier.id, action: amountOff(700) } as never);
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 700]]);

    await rawA('POST', `/promotions/tiers/${tier.id}/disable`, project);
    expect(await qualifiedByB(project, 10000)).toEqual([]);
    await rawA('POST', `/promotions/tiers/${tier.id}/enable`, project);
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 700]]);

    const added = loose(
      await a.sdk(project).promotions.tiers.create(campaign.id, { name: 'T2', action: amountOff(900) } as never),
    );
    expect(await qualifiedByB(project, 10000)).toEqual([
      [tier.id, 700],
      [added.id, 900],
    ]);
    await a.sdk(project).promotions.tiers.delete(added.id);
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 700]]);
  });

  it('sees a campaign disabled, enabled, moved in time and deleted through the other server', async () => {
    const project = await a.createProject();
    const { campaign, tiers } = await promotion(project, 'Campaign changes', [{ name: 'C1', action: amountOff(300) }]);
    const tier = tiers[0] as Loose;
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 300]]);

    await a.sdk(project).campaigns.disable(campaign.id);
    expect(await qualifiedByB(project, 10000)).toEqual([]);
    await a.sdk(project).campaigns.enable(campaign.id);
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 300]]);

    await a.sdk(project).campaigns.update(campaign.id, { start_date: '2999-01-01T00:00:00.000Z' } as never);
    expect(await qualifiedByB(project, 10000)).toEqual([]);
    await a.sdk(project).campaigns.update(campaign.id, { start_date: '2000-01-01T00:00:00.000Z' } as never);
    expect(await qualifiedByB(project, 10000)).toEqual([[tier.id, 300]]);

    await a.sdk(project).campaigns.delete(campaign.id);
    expect(await qualifiedByB(project, 10000)).toEqual([]);
  });

  it('sees a rule updated, assigned, unassigned and deleted through the other server', async () => {
    const project = await a.createProject();
    const rule = await minimumRule(project, 10000);
    const { campaign, tiers } = await promotion(project, 'Rule changes', [
      { name: 'R1', action: amountOff(1000), validation_rules: [rule.id] },
    ]);
    const tier = tiers[0] as Loose;
    expect(await qualifiedByB(project, 15000)).toEqual([[tier.id, 1000]]);

    await a.sdk(project).validationRules.update({
      id: rule.id,
      rules: { '1': { name: 'order.amount', conditions: { $more_than_equal: [20000] } }, logic: '1' },
    } as never);
    expect(await qualifiedByB(project, 15000)).toEqual([]);
    expect(await qualifiedByB(project, 25000)).toEqual([[tier.id, 1000]]);

    // A rule assigned to the tier's campaign applies to the tier too.
    const high = await minimumRule(project, 50000);
    const assignment = loose(
      await a.sdk(project).validationRules.createAssignment(high.id, { campaign: campaign.id } as never),
    );
    expect(await qualifiedByB(project, 25000)).toEqual([]);
    await a.sdk(project).validationRules.deleteAssignment(high.id, assignment.id);
    expect(await qualifiedByB(project, 25000)).toEqual([[tier.id, 1000]]);

    const onTier = loose(
      await a.sdk(project).validationRules.createAssignment(high.id, { promotion_tier: tier.id } as never),
    );
    expect(onTier.related_object_type).toBe('promotion_tier');
    expect(await qualifiedByB(project, 25000)).toEqual([]);
    await a.sdk(project).validationRules.delete(high.id);
    expect(await qualifiedByB(project, 25000)).toEqual([[tier.id, 1000]]);
  });

  it('filters by dates at lookup time: a tier starting later appears once its time comes, without a rebuild', async () => {
    const project = await a.createProject();
    const { tiers } = await promotion(project, 'Timed', [
      { name: 'later', action: amountOff(100), start_date: '2030-01-01T00:00:00.000Z' },
      { name: 'until', action: amountOff(200), expiration_date: '2030-01-01T00:00:00.000Z' },
      { name: 'always', action: amountOff(300) },
    ]);
    const [later, until, always] = tiers as [Loose, Loose, Loose];
    const store = instrumented(b.store.forProject(project.id));
    const ids = async (now: string, limit?: number) =>
      (await loadActiveTiers(store.store, new Date(now), limit === undefined ? {} : { limit })).map(
        (entry) => entry.tier.id,
      );
    expect((await ids('2029-12-31T23:59:59.000Z')).sort()).toEqual([until.id, always.id].sort());
    expect((await ids('2030-01-01T00:00:00.000Z')).sort()).toEqual([later.id, until.id, always.id].sort());
    expect((await ids('2030-01-01T00:00:01.000Z')).sort()).toEqual([later.id, always.id].sort());
    const newestFirst = await ids('2029-01-01T00:00:00.000Z');
    expect(await ids('2029-01-01T00:00:00.000Z', 1)).toEqual(newestFirst.slice(0, 1));
    expect(store.counts.builds).toBeLessThanOrEqual(1);
  });

  it('lists every active tier, newest first, with no cap of its own', async () => {
    const project = await a.createProject();
    const created: string[] = [];
    for (let campaign = 0; campaign < 2; campaign += 1) {
      const { tiers } = await promotion(
        project,
        `Many ${campaign}`,
        Array.from({ length: 90 }, (_, index) => ({ name: `M${campaign}-${index}`, action: amountOff(1 + index) })),
      );
      created.push(...tiers.map((tier) => tier.id as string));
    }
    const active = await loadActiveTiers(b.store.forProject(project.id), new Date());
    expect(active).toHaveLength(180);
    const listed = loose(await a.sdk(project).promotions.tiers.listAll({ limit: 100, order: '-created_at' } as never));
    expect(active.slice(0, 100).map((entry) => entry.tier.id)).toEqual(listed.tiers.map((tier: Loose) => tier.id));
    // The legacy validation checks the 150 most recent only, as Voucherify does.
    expect(await qualifiedByB(project, 100000)).toHaveLength(150);
  });

  it('shares one build among concurrent requests that find the index stale', async () => {
    const project = await a.createProject();
    await promotion(project, 'Herd', [{ name: 'H', action: amountOff(100) }]);
    const store = instrumented(b.store.forProject(project.id));
    const results = await Promise.all(Array.from({ length: 20 }, () => loadActiveTiers(store.store, new Date())));
    expect(store.counts.builds).toBe(1);
    expect(results.every((tiers) => tiers.length === 1)).toBe(true);
    await loadActiveTiers(store.store, new Date());
    expect(store.counts.builds).toBe(1);
  });

  it('never replaces a newer index with one whose slower build started at an older version', async () => {
    const project = await a.createProject();
    const { tiers } = await promotion(project, 'Race', [{ name: 'old', action: amountOff(100) }]);
    const tier = tiers[0] as Loose;
    const store = instrumented(b.store.forProject(project.id));

    const release = store.hold();
    const slow = activeTierIndexOf(store.store);
    // The slow build has read the tiers before the change; the change and a fresh build overtake it.
    while (store.counts.reads === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await a.sdk(project).promotions.tiers.update({ id: tier.id, name: 'new' } as never);
    const fresh = await activeTierIndexOf(store.store);
    expect(fresh.tiers.map((entry) => entry.tier.name)).toEqual(['new']);
    release();
    // The slow build finishes last and finds a newer index installed: its caller gets that one.
    expect(await slow).toBe(fresh);
    expect(store.counts.builds).toBe(2);
    const held = await activeTierIndexOf(store.store);
    expect(held).toBe(fresh);
    expect(store.counts.builds).toBe(2);
  });

  it('counts every raise exactly once when two processes raise the version in parallel', async () => {
    const project = await a.createProject();
    const stores = [a.store, secondStore].map((store) => store.forProject(project.id));
    const start = await stores[0]?.promotionIndex.readVersion();
    await Promise.all(
      stores.flatMap((store) =>
        Array.from({ length: 25 }, () => store.transaction((tx) => tx.promotionIndex.raiseVersion())),
      ),
    );
    expect(await stores[1]?.promotionIndex.readVersion()).toBe((start ?? 0) + 50);
  });

  it('raises the version once per parallel tier update, each in its own transaction', async () => {
    const project = await a.createProject();
    const { tiers } = await promotion(
      project,
      'Parallel updates',
      Array.from({ length: 10 }, (_, index) => ({ name: `P${index}`, action: amountOff(100) })),
    );
    const index = b.store.forProject(project.id).promotionIndex;
    const start = await index.readVersion();
    await Promise.all(
      tiers.map((tier, i) =>
        (i % 2 === 0 ? a : b).sdk(project).promotions.tiers.update({ id: tier.id, name: `renamed ${i}` } as never),
      ),
    );
    expect(await index.readVersion()).toBe(start + 10);
    const names = (await loadActiveTiers(b.store.forProject(project.id), new Date())).map((entry) => entry.tier.name);
    expect(names.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `renamed ${i}`).sort());
  });
});
