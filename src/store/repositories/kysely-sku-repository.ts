import { type Kysely, type Selectable, sql } from 'kysely';
import type { CreatedAtBounds } from '../../app/repositories/product-repository.js';
import type { ProductSkus, SkuRepository, StoredSku } from '../../app/repositories/sku-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Sku, SkuAttributeValue } from '../../domain/products/product.js';
import { deleteRowForGood, moveRowToBin } from '../binned-rows.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, SkusTable } from '../tables.js';
import { whereCreatedWithin } from './kysely-product-repository.js';

/** A skus row as the domain's SKU; exported for the other queries that read SKUs. */
export function toSku(row: Selectable<SkusTable>): Sku {
  return {
    id: row.id,
    product_id: row.product_id,
    source_id: row.source_id,
    sku: row.sku,
    price: row.price === null ? null : Number(row.price),
    currency: row.currency,
    attributes: fromJson<Record<string, SkuAttributeValue>>(row.attributes, {}),
    image_url: row.image_url,
    metadata: fromJson(row.metadata, {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toRow(sku: Sku, projectId: string): SkusTable {
  return {
    id: sku.id,
    project_id: projectId,
    product_id: sku.product_id,
    source_id: sku.source_id,
    sku: sku.sku,
    price: sku.price,
    currency: sku.currency,
    attributes: toJson(sku.attributes),
    image_url: sku.image_url,
    metadata: toJson(sku.metadata),
    created_at: sku.created_at,
    updated_at: sku.updated_at,
    deleted_at: null,
  };
}

export class KyselySkuRepository implements SkuRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    readonly capabilities: DialectCapabilities,
  ) {}

  private stored() {
    return this.db.selectFrom('skus').selectAll().where('project_id', '=', this.projectId);
  }

  private live() {
    return this.stored().where('deleted_at', 'is', null);
  }

  async findById(id: string): Promise<Sku | undefined> {
    const row = await this.live().where('id', '=', id).executeTakeFirst();
    return row && toSku(row);
  }

  async findBySourceId(sourceId: string): Promise<Sku | undefined> {
    const row = await this.live().where('source_id', '=', sourceId).executeTakeFirst();
    return row && toSku(row);
  }

  async findManyByIds(ids: readonly string[]): Promise<Sku[]> {
    if (ids.length === 0) return [];
    const rows = await this.live()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toSku);
  }

  async findManyBySourceIds(sourceIds: readonly string[]): Promise<Sku[]> {
    if (sourceIds.length === 0) return [];
    const rows = await this.live()
      .where('source_id', 'in', [...sourceIds])
      .execute();
    return rows.map(toSku);
  }

  async findStoredByRef(productId: string, ref: string): Promise<StoredSku | undefined> {
    const ofProduct = this.stored().where('product_id', '=', productId);
    const row =
      (await ofProduct.where('id', '=', ref).executeTakeFirst()) ??
      (await ofProduct.where('source_id', '=', ref).executeTakeFirst());
    return row && { sku: toSku(row), binned: row.deleted_at !== null };
  }

  async isSourceIdBinned(sourceId: string): Promise<boolean> {
    const row = await this.stored()
      .where('source_id', '=', sourceId)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(sku: Sku): Promise<boolean> {
    const result = await this.db
      .insertInto('skus')
      .values(toRow(sku, this.projectId))
      .onConflict((oc) => oc.columns(['project_id', 'source_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(sku: Sku): Promise<void> {
    const { id, project_id, product_id, created_at, deleted_at, ...changes } = toRow(sku, this.projectId);
    await this.db
      .updateTable('skus')
      .set(changes)
      .where('project_id', '=', project_id)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
  }

  moveToBin(id: string, now: string): Promise<boolean> {
    return moveRowToBin(this.db, 'skus', this.projectId, id, now);
  }

  deletePermanently(id: string): Promise<boolean> {
    return deleteRowForGood(this.db, 'skus', this.projectId, id);
  }

  async listForProduct(productId: string, query: ListQuery, bounds: CreatedAtBounds = {}): Promise<ListPage<Sku>> {
    const base = whereCreatedWithin(this.live().where('product_id', '=', productId), bounds);
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', sku: 'sku', source_id: 'source_id' },
    });
    return { ...page, items: page.items.map(toSku) };
  }

  async listFirstForProducts(productIds: readonly string[], limit: number): Promise<ProductSkus[]> {
    if (productIds.length === 0) return [];
    const ranked = this.live()
      .where('product_id', 'in', [...productIds])
      .select([
        sql<number>`row_number() over (partition by product_id order by created_at, id)`.as('position'),
        sql<number>`count(*) over (partition by product_id)`.as('product_total'),
      ]);
    const rows = await this.db
      .selectFrom(ranked.as('ranked'))
      .selectAll()
      .where('position', '<=', limit)
      .orderBy('product_id')
      .orderBy('position')
      .execute();
    const byProduct = new Map<string, ProductSkus>(
      productIds.map((id) => [id, { product_id: id, skus: [], total: 0 }]),
    );
    for (const { position: _position, product_total: total, ...row } of rows) {
      const entry = byProduct.get(row.product_id);
      if (!entry) continue;
      entry.skus.push(toSku(row));
      entry.total = Number(total);
    }
    return [...byProduct.values()];
  }
}
