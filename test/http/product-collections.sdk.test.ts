import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const ids = (list: Loose) => (list.data as Loose[]).map((entry) => entry.id as string);

describe.each(TEST_DATABASES)('product collections through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  async function seedCatalog(project: TestProject) {
    const sdk = server.sdk(project);
    const product = async (body: Record<string, unknown>) => loose(await sdk.products.create(body as never));
    const coffee = await product({ source_id: 'coffee', name: 'Coffee', price: 1200, metadata: { color: 'brown' } });
    const tea = await product({
      source_id: 'tea',
      name: 'Tea',
      price: 800,
      metadata: { color: 'green', organic: true },
    });
    const mug = await product({ source_id: 'mug', name: 'Mug', price: 2500, metadata: { color: 'red', size: 3 } });
    const cheap = await product({ source_id: 'spoon', name: 'Spoon', price: 100 });
    const shirt = await product({ source_id: 'shirt', name: 'Shirt', price: 3000, attributes: ['size'] });
    const shirtL = loose(
      await sdk.products.createSku(shirt.id, {
        source_id: 'shirt-l',
        sku: 'Shirt L',
        price: 3100,
        attributes: { size: 'L' },
      } as never),
    );
    return { sdk, coffee, tea, mug, cheap, shirt, shirtL };
  }

  it('creates a STATIC collection and lists its live members in the order given', async () => {
    const project = await server.createProject();
    const { sdk, coffee, tea, shirt, shirtL } = await seedCatalog(project);
    const created = loose(
      await sdk.productCollections.create({
        type: 'STATIC',
        name: 'Breakfast',
        products: [
          { id: tea.id, object: 'product' },
          { id: shirtL.id, object: 'sku' } as never,
          { id: coffee.id, object: 'product' },
          { id: tea.id, object: 'product' },
        ],
      }),
    );
    expectConformsToSpec('post', '/v1/product-collections', 200, created);
    expect(created).toEqual({
      id: expect.stringMatching(/^pc_/),
      name: 'Breakfast',
      type: 'STATIC',
      products: [
        { id: tea.id, object: 'product' },
        { id: shirtL.id, product_id: shirt.id, object: 'sku' },
        { id: coffee.id, object: 'product' },
      ],
      created_at: expect.stringMatching(/\.\d{3}Z$/),
      object: 'products_collection',
    });

    const read = loose(await sdk.productCollections.get(created.id));
    expectConformsToSpec('get', '/v1/product-collections/{productCollectionId}', 200, read);
    expect(read).toEqual(created);

    const members = loose(await sdk.productCollections.listProducts(created.id));
    expectConformsToSpec('get', '/v1/product-collections/{productCollectionId}/products', 200, members);
    expect(members).toMatchObject({ object: 'list', data_ref: 'data', total: 3 });
    expect(ids(members)).toEqual([tea.id, shirtL.id, coffee.id]);
    expect(members.data[0]).toEqual({ ...tea });
    expect(members.data[1]).toMatchObject({
      id: shirtL.id,
      object: 'sku',
      product_id: shirt.id,
      sku: 'Shirt L',
      price: 3100,
      product: { id: shirt.id, source_id: 'shirt', name: 'Shirt', price: 3000, object: 'product' },
    });

    const secondPage = loose(await sdk.productCollections.listProducts(created.id, { limit: 2, page: 2 }));
    expect(ids(secondPage)).toEqual([coffee.id]);
    expect(secondPage.total).toBe(3);

    await sdk.products.delete(tea.id);
    await sdk.products.deleteSku(shirt.id, shirtL.id, { force: true });
    const afterDeletes = loose(await sdk.productCollections.listProducts(created.id));
    expect(ids(afterDeletes)).toEqual([coffee.id]);
    expect(afterDeletes.total).toBe(1);
  });

  it('refuses STATIC members that do not exist, naming them, and creates nothing', async () => {
    const project = await server.createProject();
    const { sdk, coffee, shirtL, tea } = await seedCatalog(project);
    const foreign = loose(await server.sdk(server.otherProject).products.create({ name: 'Elsewhere' }));
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { id: 'prod_missing', object: 'product' },
        { code: 404, key: 'not_found', details: 'Cannot find product with id prod_missing' },
      ],
      [
        { id: foreign.id, object: 'product' },
        { code: 404, details: `Cannot find product with id ${foreign.id}` },
      ],
      [
        { id: coffee.id, object: 'sku' },
        { code: 404, details: `Cannot find sku with id ${coffee.id}` },
      ],
      [
        { id: shirtL.id, product_id: tea.id, object: 'sku' },
        { code: 400, key: 'invalid_payload', details: expect.stringContaining(`not ${tea.id}`) },
      ],
      [
        { id: coffee.id, object: 'voucher' },
        { code: 400, key: 'invalid_payload' },
      ],
    ];
    for (const [member, error] of cases) {
      await expect(
        sdk.productCollections.create({
          type: 'STATIC',
          name: 'Bad',
          products: [{ id: coffee.id, object: 'product' }, member as never],
        }),
        JSON.stringify(member),
      ).rejects.toMatchObject(error);
    }
    expect(loose(await sdk.productCollections.list()).total).toBe(0);
  });

  it('creates an AUTO_UPDATE collection whose products are those matching its filter now', async () => {
    const project = await server.createProject();
    const { sdk, coffee, tea, mug } = await seedCatalog(project);
    const filter = {
      junction: 'and',
      price: { conditions: { $more_than: [500] } },
      'metadata.color': { conditions: { $in: ['brown', 'green', 'red'] } },
      name: { conditions: { $is_not: ['Mug'] } },
    };
    const created = loose(
      await sdk.productCollections.create({ type: 'AUTO_UPDATE', name: 'Drinks', filter } as never),
    );
    expectConformsToSpec('post', '/v1/product-collections', 200, created);
    expect(created).toEqual({
      id: expect.stringMatching(/^pc_/),
      name: 'Drinks',
      type: 'AUTO_UPDATE',
      filter,
      created_at: expect.any(String),
      object: 'products_collection',
    });
    expectConformsToSpec(
      'get',
      '/v1/product-collections/{productCollectionId}',
      200,
      loose(await sdk.productCollections.get(created.id)),
    );

    const now = loose(await sdk.productCollections.listProducts(created.id));
    expectConformsToSpec('get', '/v1/product-collections/{productCollectionId}/products', 200, now);
    expect(ids(now)).toEqual([tea.id, coffee.id]);
    expect(now.total).toBe(2);

    // Auto-update: later products join, changed ones leave.
    const latte = loose(await sdk.products.create({ name: 'Latte', price: 900, metadata: { color: 'brown' } }));
    await sdk.products.update({ id: tea.id, price: 400 });
    expect(ids(loose(await sdk.productCollections.listProducts(created.id)))).toEqual([latte.id, coffee.id]);

    const ascending = loose(await sdk.productCollections.listProducts(created.id, { order: 'created_at' } as never));
    expect(ids(ascending)).toEqual([coffee.id, latte.id]);
    const paged = loose(await sdk.productCollections.listProducts(created.id, { limit: 1, page: 2 }));
    expect(ids(paged)).toEqual([coffee.id]);
    expect(paged.total).toBe(2);
    const cursor = loose(
      await sdk.productCollections.listProducts(created.id, { starting_after: latte.created_at } as never),
    );
    expect(ids(cursor)).toEqual([coffee.id]);

    const either = loose(
      await sdk.productCollections.create({
        type: 'AUTO_UPDATE',
        name: 'Either',
        filter: {
          junction: 'OR',
          'metadata.organic': { conditions: { $is: [true] } },
          'metadata.size': { conditions: { $more_than_equal: [3] } },
        },
      } as never),
    );
    expect(ids(loose(await sdk.productCollections.listProducts(either.id))).sort()).toEqual([mug.id, tea.id].sort());
  });

  it('spells out the default junction', async () => {
    const sdk = server.sdk(await server.createProject());
    const created = loose(
      await sdk.productCollections.create({
        type: 'AUTO_UPDATE',
        name: 'Starts with S',
        filter: { name: { conditions: { $starts_with: ['S'] } } },
      } as never),
    );
    expect(created.filter).toEqual({ junction: 'and', name: { conditions: { $starts_with: ['S'] } } });
  });

  it('refuses bad filters with a 400 that names the problem, and creates nothing', async () => {
    const sdk = server.sdk(await server.createProject());
    const create = (filter: unknown, type = 'AUTO_UPDATE') =>
      sdk.productCollections.create({ type, name: 'Bad filter', filter } as never);
    const cases: [() => Promise<unknown>, string][] = [
      [() => create({ colour: { conditions: { $is: ['red'] } } }), 'filter.colour: unknown field'],
      [() => create({ name: { conditions: { $like: ['C%'] } } }), 'filter.name.conditions.$like: unknown operator'],
      [
        () => create({ price: { conditions: { $more_than: ['cheap'] } } }),
        'filter.price.conditions.$more_than[0]: expected a number, got "cheap"',
      ],
      [
        () => create({ name: { conditions: { $is: [42] } } }),
        'filter.name.conditions.$is[0]: expected a string, got 42',
      ],
      [
        () => create({ price: { conditions: { $contains: ['1'] } } }),
        'filter.price.conditions.$contains: does not apply to number fields',
      ],
      [() => create({ created_at: { conditions: { $after: ['last week'] } } }), 'expected an ISO-8601 date'],
      [() => create({ junction: 'xor' }), 'filter.junction: must be "and" or "or"'],
      [() => create(undefined), 'an AUTO_UPDATE collection needs a filter'],
      [() => create({ name: { conditions: { $is: ['x'] } } }, 'STATIC'), 'filter is for AUTO_UPDATE collections'],
      [() => create('name is x'), 'filter'],
    ];
    for (const [call, details] of cases) {
      await expect(call(), details).rejects.toMatchObject({ code: 400, details: expect.stringContaining(details) });
    }
    await expect(
      sdk.productCollections.create({ type: 'AUTO_UPDATE', name: 'Both', filter: {}, products: [] } as never),
    ).rejects.toMatchObject({ code: 400, key: 'invalid_payload' });
    await expect(sdk.productCollections.create({ type: 'DYNAMIC', name: 'x' } as never)).rejects.toMatchObject({
      code: 400,
    });
    await expect(sdk.productCollections.create({ type: 'STATIC' } as never)).rejects.toMatchObject({ code: 400 });
    expect(loose(await sdk.productCollections.list()).total).toBe(0);
  });

  it('lists collections newest first with paging, and deletes them', async () => {
    const sdk = server.sdk(await server.createProject());
    const names = ['One', 'Two', 'Three'];
    const created = [];
    for (const name of names)
      created.push(loose(await sdk.productCollections.create({ type: 'STATIC', name, products: [] })));
    const list = loose(await sdk.productCollections.list());
    expectConformsToSpec('get', '/v1/product-collections', 200, list);
    expect(list).toMatchObject({ object: 'list', data_ref: 'data', total: 3 });
    expect(list.data.map((c: Loose) => c.name)).toEqual(['Three', 'Two', 'One']);
    const oldest = loose(await sdk.productCollections.list({ order: 'created_at', limit: 1 }));
    expect(oldest.data.map((c: Loose) => c.name)).toEqual(['One']);
    expect(oldest.total).toBe(3);
    await expect(sdk.productCollections.list({ order: 'name' } as never)).rejects.toMatchObject({ code: 400 });

    const [one, two] = created as [Loose, Loose, Loose];
    const empty = loose(await sdk.productCollections.listProducts(one.id));
    expect(empty).toMatchObject({ object: 'list', data_ref: 'data', data: [], total: 0 });

    await sdk.productCollections.delete(two.id);
    await expect(sdk.productCollections.get(two.id)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(sdk.productCollections.listProducts(two.id)).rejects.toMatchObject({ code: 404 });
    await expect(sdk.productCollections.delete(two.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.productCollections.list()).total).toBe(2);
  });

  it('takes STATIC as the default type', async () => {
    const sdk = server.sdk(await server.createProject());
    const created = loose(await sdk.productCollections.create({ name: 'Untyped' } as never));
    expect(created).toMatchObject({ type: 'STATIC', products: [] });
  });

  it("answers 404 for another project's collection", async () => {
    const sdk = server.sdk();
    const created = loose(await sdk.productCollections.create({ type: 'STATIC', name: 'Mine', products: [] }));
    const other = server.sdk(server.otherProject);
    await expect(other.productCollections.get(created.id)).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      details: `Cannot find products_collection with id ${created.id}`,
    });
    await expect(other.productCollections.listProducts(created.id)).rejects.toMatchObject({ code: 404 });
    await expect(other.productCollections.delete(created.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.productCollections.get(created.id)).name).toBe('Mine');
  });
});
