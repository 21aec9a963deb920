import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { FilterValue } from '../../src/domain/filters/filter.js';
import { matchesFilter } from '../../src/domain/filters/match-filter.js';
import { parseFilter } from '../../src/domain/filters/parse-filter.js';
import type { ListQuery } from '../../src/domain/lists/list-query.js';
import type { Product } from '../../src/domain/products/product.js';
import { PRODUCT_FILTER_FIELDS } from '../../src/domain/products/product-collection.js';
import { TEST_DATABASES } from '../support/databases.js';

/**
 * The SQL compiler and the in-memory matcher must agree on every filter and every product: the
 * same filter decides collection membership in the database and, later, segment membership as
 * one object changes. Filter values are drawn half from the stored products' own values (and
 * their prefixes and suffixes), so that filters hit as often as they miss.
 */

// '%' and '_' would be wildcards to LIKE; 'A'/'a' catch case folding; 'é' and '😀' count code points.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'é', '😀', ' ', '.', '%', '_'), maxLength: 4 });
const number = fc.oneof(
  fc.constantFrom(-1, 0, 0.5, 1, 5, 12),
  fc.integer({ min: -3, max: 12 }),
  fc.integer({ min: -12, max: 48 }).map((n) => n / 4),
);
const DAY = 24 * 3600 * 1000;
const instant = fc.integer({ min: 0, max: 4 * DAY }).map((ms) => new Date(Date.UTC(2024, 0, 1) + ms).toISOString());
const dayBound = fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * DAY).toISOString());
const METADATA_KEYS = ['color', 'a.b', 'x y'] as const;
// Texts that spell numbers and booleans, next to those numbers and booleans, tell typed comparison from text comparison.
const confusable = fc.constantFrom<FilterValue>(
  'a',
  'A',
  '1',
  '0',
  '5',
  '0.5',
  'true',
  'false',
  1,
  0,
  5,
  0.5,
  true,
  false,
);
const metadataValue = fc.oneof(confusable, fc.boolean(), text, number, fc.constantFrom(null, ['a'], { a: 1 }));

const productSeed = fc.record({
  source_id: fc.option(text, { nil: null }),
  name: fc.option(text, { nil: null }),
  price: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  image_url: fc.option(text, { nil: null }),
  created_at: instant,
  updated_at: fc.option(instant, { nil: null }),
  metadata: fc.dictionary(fc.constantFrom(...METADATA_KEYS), metadataValue, { maxKeys: 3 }),
  binned: fc.nat(5).map((n) => n === 0),
});

type ProductSeed = typeof productSeed extends fc.Arbitrary<infer T> ? T : never;

function toProduct(seed: ProductSeed, id: string, index: number): Product {
  return {
    id,
    // source_ids are unique in a project; the index keeps them so and still varies their text.
    source_id: seed.source_id === null ? null : `${seed.source_id}${index}`,
    name: seed.name,
    price: seed.price,
    attributes: [],
    metadata: seed.metadata,
    image_url: seed.image_url,
    created_at: seed.created_at,
    updated_at: seed.updated_at,
  };
}

/** The values the products hold, to draw filter values from. */
interface Pools {
  texts: string[];
  numbers: number[];
  scalars: FilterValue[];
  instants: string[];
  /** Each field with a value some product holds there: `['name', 'Tea']`, `['metadata.color', true]`. */
  held: [string, unknown][];
}

function poolsOf(products: Product[]): Pools {
  const metadataValues = products.flatMap((p) => Object.values(p.metadata));
  const texts = [...products.flatMap((p) => [p.id, p.source_id, p.name, p.image_url]), ...metadataValues].filter(
    (v): v is string => typeof v === 'string',
  );
  const cuts = texts.flatMap((t) => {
    const points = [...t];
    return points.flatMap((_, i) => [points.slice(0, i + 1).join(''), points.slice(i).join('')]);
  });
  return {
    texts: [...texts, ...cuts],
    numbers: [...products.map((p) => p.price), ...metadataValues].filter((v): v is number => typeof v === 'number'),
    scalars: metadataValues.filter(
      (v): v is FilterValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
    ),
    instants: products.flatMap((p) => [p.created_at, p.updated_at]).filter((v): v is string => v !== null),
    held: products.flatMap((p) => [
      ...(['id', 'source_id', 'name', 'image_url', 'price', 'created_at', 'updated_at'] as const)
        .filter((field) => p[field] !== null)
        .map((field): [string, unknown] => [field, p[field]]),
      ...Object.entries(p.metadata).map(([key, value]): [string, unknown] => [`metadata.${key}`, value]),
    ]),
  };
}

function orFrom<T>(arbitrary: fc.Arbitrary<T>, pool: T[]): fc.Arbitrary<T> {
  return pool.length === 0 ? arbitrary : fc.oneof(arbitrary, fc.constantFrom(...pool));
}

type Operators = [string, fc.Arbitrary<unknown[]>][];

function conditionsFor(operators: Operators): fc.Arbitrary<Record<string, unknown>> {
  const entry = fc.constantFrom(...operators).chain(([operator, values]) => values.map((v) => [operator, v] as const));
  return fc
    .uniqueArray(entry, { minLength: 1, maxLength: 2, selector: ([operator]) => operator })
    .map((entries) => Object.fromEntries(entries));
}

function filterArbitrary(pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const anyText = orFrom(text, pools.texts);
  const needle = anyText.filter((s) => s.length > 0);
  const anyNumber = orFrom(number, pools.numbers);
  const anyScalar = orFrom<FilterValue>(fc.oneof(confusable, text, number), pools.scalars);
  const anyInstant = orFrom(fc.oneof(dayBound, instant), pools.instants);
  const one = <T>(values: fc.Arbitrary<T>) => values.map((value) => [value]);
  const some = <T>(values: fc.Arbitrary<T>) => fc.array(values, { minLength: 1, maxLength: 3 });
  const presence: Operators = [
    ['$is_unknown', fc.constant([])],
    ['$has_value', fc.constant([])],
  ];
  const textMatchOf = (part: fc.Arbitrary<string>): Operators => [
    ['$starts_with', one(part)],
    ['$ends_with', one(part)],
    ['$contains', one(part)],
    ['$not_contain', one(part)],
  ];
  const textMatch = textMatchOf(needle);
  const ordering: Operators = ['$more_than', '$more_than_or_equal', '$more_than_equal', '$less_than']
    .concat(['$less_than_or_equal', '$less_than_equal'])
    .map((operator) => [operator, one(anyNumber)]);
  const equality = <T>(values: fc.Arbitrary<T>): Operators => [
    ['$is', one(values)],
    ['$is_not', one(values)],
    ['$in', some(values)],
    ['$not_in', some(values)],
  ];

  const randomClause = fc.oneof(
    fc.tuple(
      fc.constantFrom('id', 'source_id', 'name', 'image_url'),
      conditionsFor([...equality(anyText), ...textMatch, ...presence]),
    ),
    fc.tuple(fc.constant('price'), conditionsFor([...equality(anyNumber), ...ordering, ...presence])),
    fc.tuple(
      fc.constantFrom('created_at', 'updated_at'),
      conditionsFor([['$after', one(anyInstant)], ['$before', one(anyInstant)], ...presence]),
    ),
    fc.tuple(
      fc.constantFrom(...METADATA_KEYS.map((key) => `metadata.${key}`), 'metadata.absent'),
      conditionsFor([...equality(anyScalar), ...ordering, ...textMatch, ...presence]),
    ),
  );

  // A clause on one value some product holds, with operators that may or may not select it.
  const focusedClause = fc.constantFrom(...pools.held).chain(([field, value]) => {
    if (field === 'created_at' || field === 'updated_at') {
      const bound = typeof value === 'string' ? fc.constant(value) : anyInstant;
      return fc.tuple(
        fc.constant(field),
        conditionsFor([
          ['$after', one(bound)],
          ['$before', one(bound)],
        ]),
      );
    }
    if (typeof value === 'string') {
      const cuts = [...value].flatMap((_, i, points) => [points.slice(0, i + 1).join(''), points.slice(i).join('')]);
      const part = cuts.length === 0 ? needle : fc.oneof(fc.constantFrom(...cuts), needle);
      const operators: Operators = [...equality(fc.constant(value)), ...textMatchOf(part)];
      return fc.tuple(fc.constant(field), conditionsFor(operators));
    }
    if (typeof value === 'number') {
      const near = fc.constantFrom(value, value - 0.5, value + 0.5);
      const operators: Operators = [
        // The number or its text: only the number may match.
        ...equality(fc.constantFrom<FilterValue>(value, String(value))),
        ...ordering.map(([operator]) => [operator, one(near)] as [string, fc.Arbitrary<unknown[]>]),
      ];
      return fc.tuple(
        fc.constant(field),
        conditionsFor(field === 'price' ? operators : [...operators, ...textMatchOf(fc.constant(String(value)))]),
      );
    }
    if (typeof value === 'boolean') {
      const spelled = fc.constantFrom(String(value), value ? '1' : '0');
      const operators = [
        // The boolean or its spellings on either database: only the boolean may match.
        ...equality(fc.oneof(fc.constant<FilterValue>(value), spelled, confusable)),
        ...textMatchOf(spelled),
      ];
      return fc.tuple(fc.constant(field), conditionsFor(operators));
    }
    return fc.tuple(fc.constant(field), conditionsFor([...equality(anyScalar), ...presence]));
  });

  const clause = (pools.held.length === 0 ? randomClause : fc.oneof(randomClause, focusedClause)).map(
    ([field, conditions]) => [field, { conditions }] as const,
  );

  return fc
    .record({
      junction: fc.constantFrom('and', 'or', 'AND', undefined),
      clauses: fc.uniqueArray(clause, { maxLength: 2, selector: ([field]) => field }),
    })
    .map(({ junction, clauses }) => ({ ...(junction ? { junction } : {}), ...Object.fromEntries(clauses) }));
}

const scenario = fc
  .array(productSeed, { minLength: 1, maxLength: 10 })
  .map((seeds) => seeds.map((seed, i) => ({ seed, product: toProduct(seed, `prod_${i}`, i) })))
  .chain((entries) =>
    fc.record({
      entries: fc.constant(entries),
      filters: fc.array(filterArbitrary(poolsOf(entries.map((e) => e.product))), { minLength: 4, maxLength: 8 }),
    }),
  );

const ALL: ListQuery = { limit: 100, page: 1, order: { field: 'created_at', direction: 'desc' } };

describe.each(TEST_DATABASES)('filters in SQL and in memory on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let run = 0;

  beforeAll(async () => {
    const opened = await database.open();
    store = opened.store;
    dispose = opened.dispose;
  });
  afterAll(() => dispose?.());

  /** Stores the products in a project of their own (ids are unique across projects) and answers the live ones. */
  async function storeProducts(entries: { seed: ProductSeed; product: Product }[]) {
    run += 1;
    const projectId = `proj_filters_${run}`;
    const products = store.forProject(projectId).products;
    const live: Product[] = [];
    for (const { seed, product } of entries) {
      const stored = { ...product, id: `${product.id}_${run}` };
      expect(await products.insert(stored)).toBe(true);
      if (seed.binned) await products.moveToBin(stored.id, seed.created_at);
      else live.push(stored);
    }
    return { projectId, live };
  }

  it('selects exactly the live products the in-memory matcher accepts', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ entries, filters }) => {
        const { projectId, live } = await storeProducts(entries);
        const repository = store.forProject(projectId).productCollections;
        for (const raw of filters) {
          const filter = parseFilter(raw, PRODUCT_FILTER_FIELDS);
          const inMemory = live
            .filter((product) => matchesFilter(filter, { ...product }))
            .map((product) => product.id)
            .sort();
          const page = await repository.listMatchingProducts(filter, ALL);
          const inSql = page.items.map((product) => product.id).sort();
          expect({ filter: raw, ids: inSql }).toEqual({ filter: raw, ids: inMemory });
          expect(page.total).toBe(inMemory.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('runs the largest filters the parser accepts', async () => {
    const repository = store.forProject('proj_filters_large').productCollections;
    const thousand = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? `v${i}` : i % 2 === 0));
    const everyOperator = {
      $is: ['a'],
      $is_not: [3],
      $in: [1, 'x', true],
      $not_in: ['v', false],
      $more_than: [1],
      $more_than_or_equal: [2],
      $less_than: [3],
      $less_than_or_equal: [4],
      $starts_with: ['d'],
      $ends_with: ['c'],
      $contains: ['b'],
      $not_contain: ['e'],
      $has_value: [],
      $is_unknown: [],
    };
    const wide = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`metadata.k${i}`, { conditions: everyOperator }]),
    );
    for (const raw of [
      { 'metadata.k': { conditions: { $not_in: thousand } } },
      { name: { conditions: { $in: thousand.map(String) } } },
      { junction: 'or', ...wide },
    ]) {
      const page = await repository.listMatchingProducts(parseFilter(raw, PRODUCT_FILTER_FIELDS), ALL);
      expect(page.total).toBe(0);
    }
  });
});
