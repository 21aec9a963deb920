import { invalidPayload, notFound } from '../../domain/errors.js';
import {
  type CollectionMember,
  newProductCollection,
  type ProductCollection,
  type ProductCollectionInput,
} from '../../domain/products/product-collection.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

/**
 * Every member must be a live product or SKU of this project; a SKU member's `product_id`, when
 * given, must be its product. Answers the members with each SKU's product_id filled in.
 */
async function checkMembers(store: ProjectStore, members: CollectionMember[]): Promise<CollectionMember[]> {
  const entries = await store.productCollections.findLiveMembers(members);
  const products = new Set(entries.filter((e) => e.object === 'product').map((e) => e.product.id));
  const skus = new Map(entries.flatMap((e) => (e.object === 'sku' ? [[e.sku.id, e.sku] as const] : [])));
  return members.map((member) => {
    if (member.object === 'product') {
      if (!products.has(member.id)) throw notFound('product', member.id);
      return { id: member.id, object: 'product' };
    }
    const sku = skus.get(member.id);
    if (!sku) throw notFound('sku', member.id);
    if (member.product_id !== undefined && member.product_id !== sku.product_id) {
      throw invalidPayload(`SKU ${sku.id} belongs to product ${sku.product_id}, not ${member.product_id}`);
    }
    return { id: sku.id, product_id: sku.product_id, object: 'sku' };
  });
}

/** POST /product-collections: a STATIC list of products and SKUs, or an AUTO_UPDATE filter. */
export function createProductCollection(
  ctx: ProjectContext,
  input: ProductCollectionInput,
): Promise<ProductCollection> {
  const collection = newProductCollection(ctx.ids.newId('pc_'), input, ctx.clock.now().toISOString());
  return ctx.store.transaction(async (store) => {
    const checked =
      collection.products === null
        ? collection
        : { ...collection, products: await checkMembers(store, collection.products) };
    await store.productCollections.insert(checked);
    return checked;
  });
}
