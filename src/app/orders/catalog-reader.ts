import type { OrderItemInput } from '../../domain/orders/order-input.js';
import type { Product, Sku } from '../../domain/products/product.js';
import type { ProjectStore } from '../ports.js';

type Keyed<T> = Map<string, T>;

function remember<T extends { id: string; source_id: string | null }>(into: Keyed<T>, entries: readonly T[]): void {
  for (const entry of entries) {
    into.set(`id:${entry.id}`, entry);
    if (entry.source_id !== null) into.set(`src:${entry.source_id}`, entry);
  }
}

interface CatalogRefs {
  productIds: Set<string>;
  productSourceIds: Set<string>;
  skuIds: Set<string>;
  skuSourceIds: Set<string>;
}

function addAll(into: Set<string>, refs: readonly (string | null | undefined)[]): void {
  for (const ref of refs) if (ref) into.add(ref);
}

/**
 * Every ref the line matching asks about, each in the way it asks: an explicit id may be an id or
 * a source id (resolve-order-items.ts tries both), a bare `source_id` names a product or a SKU as
 * `related_object` says.
 */
function refsOf(items: readonly OrderItemInput[]): CatalogRefs {
  const refs: CatalogRefs = {
    productIds: new Set(),
    productSourceIds: new Set(),
    skuIds: new Set(),
    skuSourceIds: new Set(),
  };
  for (const item of items) {
    const productExplicit = [item.product_id, item.product?.id];
    const skuExplicit = [item.sku_id, item.sku?.id];
    addAll(refs.productIds, productExplicit);
    addAll(refs.productSourceIds, [...productExplicit, item.product?.source_id]);
    addAll(refs.skuIds, skuExplicit);
    addAll(refs.skuSourceIds, [...skuExplicit, item.sku?.source_id]);
    if (item.related_object === 'sku') addAll(refs.skuSourceIds, [item.source_id]);
    else addAll(refs.productSourceIds, [item.source_id]);
  }
  return refs;
}

async function readMany<T>(refs: Set<string>, read: (refs: readonly string[]) => Promise<T[]>): Promise<T[]> {
  return refs.size === 0 ? [] : read([...refs]);
}

/**
 * The catalog entries an order's lines name, read in a handful of queries instead of several per
 * line: a 100-line cart is at most five queries. Hits come from what was read; a miss asks the store
 * again unless the reader is `complete` (nothing can be created while it is used, as in a
 * validation), since an earlier line may have created the entry. Entries a line writes are
 * remembered through `remember*`, so later lines see them as written.
 */
export class CatalogReader {
  private readonly products: Keyed<Product> = new Map();
  private readonly skus: Keyed<Sku> = new Map();

  private constructor(
    private readonly store: ProjectStore,
    private readonly complete: boolean,
  ) {}

  static async prefetch(store: ProjectStore, items: readonly OrderItemInput[], complete: boolean) {
    const reader = new CatalogReader(store, complete);
    const refs = refsOf(items);
    const [products, productsBySource, skus, skusBySource] = await Promise.all([
      readMany(refs.productIds, (ids) => store.products.findManyByIds(ids)),
      readMany(refs.productSourceIds, (ids) => store.products.findManyBySourceIds(ids)),
      readMany(refs.skuIds, (ids) => store.skus.findManyByIds(ids)),
      readMany(refs.skuSourceIds, (ids) => store.skus.findManyBySourceIds(ids)),
    ]);
    remember(reader.products, [...products, ...productsBySource]);
    remember(reader.skus, [...skus, ...skusBySource]);
    // A SKU line reaches its product through the SKU: read those products too.
    const missing = [...new Set([...skus, ...skusBySource].map((sku) => sku.product_id))].filter(
      (id) => !reader.products.has(`id:${id}`),
    );
    if (missing.length > 0) remember(reader.products, await store.products.findManyByIds(missing));
    return reader;
  }

  productById(id: string): Promise<Product | undefined> {
    return this.read(this.products, `id:${id}`, () => this.store.products.findById(id));
  }

  productBySourceId(sourceId: string): Promise<Product | undefined> {
    return this.read(this.products, `src:${sourceId}`, () => this.store.products.findBySourceId(sourceId));
  }

  skuById(id: string): Promise<Sku | undefined> {
    return this.read(this.skus, `id:${id}`, () => this.store.skus.findById(id));
  }

  skuBySourceId(sourceId: string): Promise<Sku | undefined> {
    return this.read(this.skus, `src:${sourceId}`, () => this.store.skus.findBySourceId(sourceId));
  }

  rememberProduct(product: Product): void {
    remember(this.products, [product]);
  }

  rememberSku(sku: Sku): void {
    remember(this.skus, [sku]);
  }

  private async read<T>(cache: Keyed<T>, key: string, ask: () => Promise<T | undefined>): Promise<T | undefined> {
    const known = cache.get(key);
    if (known !== undefined || this.complete) return known;
    return ask();
  }
}
