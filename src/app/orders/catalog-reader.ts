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

/** Every id or source id a line may name a product or SKU by. */
function refsOf(items: readonly OrderItemInput[]): string[] {
  const refs = new Set<string>();
  for (const item of items) {
    for (const ref of [item.product_id, item.product?.id, item.product?.source_id, item.source_id]) {
      if (ref) refs.add(ref);
    }
    for (const ref of [item.sku_id, item.sku?.id, item.sku?.source_id]) if (ref) refs.add(ref);
  }
  return [...refs];
}

/**
 * The catalog entries an order's lines name, read in a handful of queries instead of several per
 * line: a 100-line cart is five queries. Hits come from what was read; a miss asks the store
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
    if (refs.length === 0) return reader;
    const [products, productsBySource, skus, skusBySource] = await Promise.all([
      store.products.findManyByIds(refs),
      store.products.findManyBySourceIds(refs),
      store.skus.findManyByIds(refs),
      store.skus.findManyBySourceIds(refs),
    ]);
    remember(reader.products, [...products, ...productsBySource]);
    remember(reader.skus, [...skus, ...skusBySource]);
    // A SKU line reaches its product through the SKU: read those products too.
    const missing = [...new Set([...skus, ...skusBySource].map((sku) => sku.product_id))].filter(
      (id) => !reader.products.has(`id:${id}`),
    );
    remember(reader.products, await store.products.findManyByIds(missing));
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
