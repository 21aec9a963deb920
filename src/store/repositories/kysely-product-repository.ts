import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type {
  CreatedAtBounds,
  ProductListFilters,
  ProductRepository,
  StoredProduct,
} from '../../app/repositories/product-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product } from '../../domain/products/product.js';
import { deleteRowForGood, moveRowToBin } from '../binned-rows.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { matchesTextSearch } from '../filters/text-search.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, ProductsTable } from '../tables.js';

/** A products row as the domain's product; exported for the other queries that read products. */
export function toProduct(row: Selectable<ProductsTable>): Product {
  return {
    id: row.id,
    source_id: row.source_id,
    name: row.name,
    price: row.price === null ? null : Number(row.price),
    attributes: fromJson<string[]>(row.attributes, []),
    metadata: fromJson(row.metadata, {}),
    image_url: row.image_url,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toRow(product: Product, projectId: string): ProductsTable {
  return {
    id: product.id,
    project_id: projectId,
    source_id: product.source_id,
    name: product.name,
    price: product.price,
    attributes: toJson(product.attributes),
    metadata: toJson(product.metadata),
    image_url: product.image_url,
    created_at: product.created_at,
    updated_at: product.updated_at,
    deleted_at: null,
  };
}

/** `start_date`/`end_date`: both bounds inclusive, on a table with a `created_at` column. */
export function whereCreatedWithin<T extends 'products' | 'skus', O>(
  query: SelectQueryBuilder<Database, T, O>,
  bounds: CreatedAtBounds,
): SelectQueryBuilder<Database, T, O> {
  let next = query;
  if (bounds.start_date !== undefined) next = next.where(sql.ref('created_at'), '>=', bounds.start_date);
  if (bounds.end_date !== undefined) next = next.where(sql.ref('created_at'), '<=', bounds.end_date);
  return next;
}

/** The products a cart's lines name, read by every validation and redemption of a cart. */
const liveBySourceIds = new PreparedQuery((db, projectId: string, sourceIds: readonly string[]) =>
  db
    .selectFrom('products')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .where('source_id', 'in', sourceIds),
);

export class KyselyProductRepository implements ProductRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    readonly capabilities: DialectCapabilities,
  ) {}

  private stored() {
    return this.db.selectFrom('products').selectAll().where('project_id', '=', this.projectId);
  }

  private live() {
    return this.stored().where('deleted_at', 'is', null);
  }

  async findById(id: string): Promise<Product | undefined> {
    const row = await this.live().where('id', '=', id).executeTakeFirst();
    return row && toProduct(row);
  }

  async findBySourceId(sourceId: string): Promise<Product | undefined> {
    const row = await this.live().where('source_id', '=', sourceId).executeTakeFirst();
    return row && toProduct(row);
  }

  async findManyByIds(ids: readonly string[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.live()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toProduct);
  }

  async findManyBySourceIds(sourceIds: readonly string[]): Promise<Product[]> {
    if (sourceIds.length === 0) return [];
    const rows = await liveBySourceIds.rows(this.db, this.projectId, sourceIds);
    return rows.map(toProduct);
  }

  async findStoredByRef(ref: string): Promise<StoredProduct | undefined> {
    const row =
      (await this.stored().where('id', '=', ref).executeTakeFirst()) ??
      (await this.stored().where('source_id', '=', ref).executeTakeFirst());
    return row && { product: toProduct(row), binned: row.deleted_at !== null };
  }

  async isSourceIdBinned(sourceId: string): Promise<boolean> {
    const row = await this.stored()
      .where('source_id', '=', sourceId)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(product: Product): Promise<boolean> {
    const result = await this.db
      .insertInto('products')
      .values(toRow(product, this.projectId))
      .onConflict((oc) => oc.columns(['project_id', 'source_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(product: Product): Promise<void> {
    const { id, project_id, created_at, deleted_at, ...changes } = toRow(product, this.projectId);
    await this.db
      .updateTable('products')
      .set(changes)
      .where('project_id', '=', project_id)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async moveToBin(id: string, now: string): Promise<boolean> {
    const binned = await moveRowToBin(this.db, 'products', this.projectId, id, now);
    await this.db
      .updateTable('skus')
      .set({ deleted_at: now })
      .where('project_id', '=', this.projectId)
      .where('product_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    return binned;
  }

  async deletePermanently(id: string): Promise<boolean> {
    await this.db.deleteFrom('skus').where('project_id', '=', this.projectId).where('product_id', '=', id).execute();
    return deleteRowForGood(this.db, 'products', this.projectId, id);
  }

  async list(query: ListQuery, filters: ProductListFilters = {}): Promise<ListPage<Product>> {
    let base = whereCreatedWithin(this.live(), filters);
    if (filters.search !== undefined) {
      const columns = [sql.ref<string>('name'), sql.ref<string | null>('source_id'), sql.ref<string>('id')];
      base = base.where(matchesTextSearch(this.capabilities, columns, filters.search));
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', name: 'name', source_id: 'source_id' },
    });
    return { ...page, items: page.items.map(toProduct) };
  }
}
