import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

describe.each(TEST_DATABASES)('categories through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  it('creates, reads, updates and deletes a category', async () => {
    const sdk = server.sdk();
    const created = loose(await sdk.categories.create({ name: 'Eighth', hierarchy: 8 }));
    expectConformsToSpec('post', '/v1/categories', 200, created);
    expect(created).toEqual({
      id: expect.stringMatching(/^cat_/),
      name: 'Eighth',
      hierarchy: 8,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      object: 'category',
    });

    const read = loose(await sdk.categories.get(created.id));
    expectConformsToSpec('get', '/v1/categories/{categoryId}', 200, read);
    expect(read).toEqual(created);

    const updated = loose(await sdk.categories.update(created.id, { name: 'Summer', hierarchy: 0 }));
    expectConformsToSpec('put', '/v1/categories/{categoryId}', 200, updated);
    expect(updated).toMatchObject({ id: created.id, name: 'Summer', hierarchy: 0, created_at: created.created_at });
    expect(updated.updated_at).toMatch(/Z$/);
    expect(loose(await sdk.categories.get(created.id))).toEqual(updated);

    const renamedOnly = loose(await sdk.categories.update(created.id, { name: 'Winter' } as never));
    expect(renamedOnly).toMatchObject({ name: 'Winter', hierarchy: 0 });

    await sdk.categories.delete(created.id);
    await expect(sdk.categories.get(created.id)).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      details: `Cannot find category with id ${created.id}`,
    });
    await expect(sdk.categories.delete(created.id)).rejects.toMatchObject({ code: 404 });
  });

  it("gives hierarchy Voucherify's default of 1", async () => {
    const created = loose(await server.sdk().categories.create({ name: 'No hierarchy' } as never));
    expect(created.hierarchy).toBe(1);
  });

  it('keeps names unique in a project, but not across projects', async () => {
    const sdk = server.sdk();
    const first = loose(await sdk.categories.create({ name: 'Unique', hierarchy: 1 }));
    await expect(sdk.categories.create({ name: 'Unique', hierarchy: 2 })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
      details: 'A category named "Unique" already exists',
    });
    const second = loose(await sdk.categories.create({ name: 'Other', hierarchy: 1 }));
    await expect(sdk.categories.update(second.id, { name: 'Unique', hierarchy: 1 })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
    });
    expect(loose(await sdk.categories.get(second.id)).name).toBe('Other');
    expect(loose(await sdk.categories.update(first.id, { name: 'Unique', hierarchy: 3 })).hierarchy).toBe(3);
    const elsewhere = loose(await server.sdk(server.otherProject).categories.create({ name: 'Unique', hierarchy: 1 }));
    expect(elsewhere.id).not.toBe(first.id);
  });

  it('lists with total, order, paging and the starting_after_id cursor', async () => {
    const sdk = server.sdk(await server.createProject());
    const names = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];
    const created = [];
    for (const [i, name] of names.entries())
      created.push(loose(await sdk.categories.create({ name, hierarchy: 5 - i })));

    const all = loose(await sdk.categories.list());
    expectConformsToSpec('get', '/v1/categories', 200, all);
    expect(all).toMatchObject({ object: 'list', data_ref: 'data', total: 5, has_more: false });
    expect(all.data.map((c: { name: string }) => c.name)).toEqual([...names].reverse());

    const byHierarchy = loose(await sdk.categories.list({ order: 'hierarchy', limit: 2 } as never));
    expect(byHierarchy.data.map((c: { hierarchy: number }) => c.hierarchy)).toEqual([1, 2]);
    expect(byHierarchy.has_more).toBe(true);
    const page3 = loose(await sdk.categories.list({ order: 'hierarchy', limit: 2, page: 3 } as never));
    expect(page3.data.map((c: { hierarchy: number }) => c.hierarchy)).toEqual([5]);

    const after = loose(
      await sdk.categories.list({ order: 'created_at', starting_after_id: created[1]?.id, limit: 10 } as never),
    );
    expect(after.data.map((c: { name: string }) => c.name)).toEqual(['Third', 'Fourth', 'Fifth']);
  });

  it('refuses bad input with a 400 and changes nothing', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const created = loose(await sdk.categories.create({ name: 'Kept', hierarchy: 2 }));
    const bad: [string, () => Promise<unknown>][] = [
      ['no name', () => sdk.categories.create({ hierarchy: 1 } as never)],
      ['empty name', () => sdk.categories.create({ name: '', hierarchy: 1 })],
      ['negative hierarchy', () => sdk.categories.create({ name: 'Negative', hierarchy: -1 })],
      ['fractional hierarchy', () => sdk.categories.create({ name: 'Fraction', hierarchy: 1.5 })],
      ['hierarchy as text', () => sdk.categories.create({ name: 'Text', hierarchy: '2' as never })],
      ['update to a negative hierarchy', () => sdk.categories.update(created.id, { name: 'Kept', hierarchy: -3 })],
      ['bad order', () => sdk.categories.list({ order: 'colour' } as never)],
    ];
    for (const [name, call] of bad) {
      await expect(call(), name).rejects.toMatchObject({ code: 400 });
    }
    const list = loose(await sdk.categories.list());
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ name: 'Kept', hierarchy: 2 });
  });

  it("answers 404 for another project's category", async () => {
    const created = loose(await server.sdk().categories.create({ name: 'Mine', hierarchy: 1 }));
    const other = server.sdk(server.otherProject);
    await expect(other.categories.get(created.id)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(other.categories.update(created.id, { name: 'Stolen', hierarchy: 1 })).rejects.toMatchObject({
      code: 404,
    });
    await expect(other.categories.delete(created.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await server.sdk().categories.get(created.id)).name).toBe('Mine');
  });
});
