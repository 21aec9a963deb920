import type { Kysely, Selectable } from 'kysely';
import type {
  CollectionEntry,
  CollectionProductsQuery,
  ProductCollectionRepository,
} from '../../app/repositories/product-collection-repository.js';
import type { ParsedFilter } from '../../domain/filters/filter.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product, Sku } from '../../domain/products/product.js';
import type { CollectionMember, ProductCollection } from '../../domain/products/product-collection.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { compileFilter, type FilterColumns } from '../filters/compile-filter.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, ProductCollectionsTable } from '../tables.js';
import { toProduct } from './kysely-product-repository.js';
import { toSku } from './kysely-sku-repository.js';

/** Where each field of PRODUCT_FILTER_FIELDS lives in the products table. */
export const PRODUCT_FILTER_COLUMNS: FilterColumns = {
  id: 'products.id',
  source_id: 'products.source_id',
  name: 'products.name',
  price: 'products.price',
  image_url: 'products.image_url',
  created_at: 'products.created_at',
  updated_at: 'products.updated_at',
  metadata: 'products.metadata',
};

function toCollection(row: Selectable<ProductCollectionsTable>): ProductCollection {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    filter: fromJson<Record<string, unknown> | null>(row.filter, null),
    products: fromJson<CollectionMember[] | null>(row.products, null),
    created_at: row.created_at,
  };
}

export class KyselyProductCollectionRepository implements ProductCollectionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  private scoped() {
    return this.db.selectFrom('product_collections').selectAll().where('project_id', '=', this.projectId);
  }

  private liveProducts() {
    return this.db
      .selectFrom('products')
      .selectAll('products')
      .where('products.project_id', '=', this.projectId)
      .where('products.deleted_at', 'is', null);
  }

  async findById(id: string): Promise<ProductCollection | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toCollection(row);
  }

  async insert(collection: ProductCollection): Promise<void> {
    await this.db
      .insertInto('product_collections')
      .values({
        id: collection.id,
        project_id: this.projectId,
        name: collection.name,
        type: collection.type,
        filter: collection.filter === null ? null : toJson(collection.filter),
        products: collection.products === null ? null : toJson(collection.products),
        created_at: collection.created_at,
      })
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('product_collections')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery): Promise<ListPage<ProductCollection>> {
    const page = await fetchPage(this.scoped(), query, {
      sortColumns: { created_at: 'created_at' },
      updatedAtColumn: null,
    });
    return { ...page, items: page.items.map(toCollection) };
  }

  async listMatchingProducts(filter: ParsedFilter, query: CollectionProductsQuery): Promise<ListPage<Product>> {
    let base = this.liveProducts().where(compileFilter(filter, PRODUCT_FILTER_COLUMNS, this.capabilities));
    if (query.starting_after !== undefined) {
      base = base.where('products.created_at', query.order.direction === 'asc' ? '>' : '<', query.starting_after);
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'products.created_at' },
      idColumn: 'products.id',
    });
    return { ...page, items: page.items.map(toProduct) };
  }

  async filterMatchingProductIds(filter: ParsedFilter, productIds: readonly string[]): Promise<string[]> {
    if (productIds.length === 0) return [];
    const rows = await this.liveProducts()
      .where('products.id', 'in', productIds)
      .where(compileFilter(filter, PRODUCT_FILTER_COLUMNS, this.capabilities))
      .execute();
    return rows.map((row) => row.id);
  }

  async findLiveMembers(members: readonly CollectionMember[]): Promise<CollectionEntry[]> {
    const skuIds = members.filter((m) => m.object === 'sku').map((m) => m.id);
    const skus = await this.findLiveSkus(skuIds);
    const productIds = [
      ...new Set([...members.filter((m) => m.object === 'product').map((m) => m.id), ...skus.map((s) => s.product_id)]),
    ];
    const products = await this.findLiveProducts(productIds);
    const productsById = new Map(products.map((p) => [p.id, p]));
    const skusById = new Map(skus.map((s) => [s.id, s]));
    const entries: CollectionEntry[] = [];
    for (const member of members) {
      if (member.object === 'product') {
        const product = productsById.get(member.id);
        if (product) entries.push({ object: 'product', product });
        continue;
      }
      const sku = skusById.get(member.id);
      const product = sku && productsById.get(sku.product_id);
      if (sku && product) entries.push({ object: 'sku', sku, product });
    }
    return entries;
  }

  private async findLiveProducts(ids: readonly string[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.liveProducts()
      .where('products.id', 'in', [...ids])
      .execute();
    return rows.map(toProduct);
  }

  private async findLiveSkus(ids: readonly string[]): Promise<Sku[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('skus')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('deleted_at', 'is', null)
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return rows.map(toSku);
  }
}
