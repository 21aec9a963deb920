import { parseFilter } from '../../domain/filters/parse-filter.js';
import type { OrderItem } from '../../domain/orders/order.js';
import { PRODUCT_FILTER_FIELDS } from '../../domain/products/product-collection.js';
import type { CollectionMembers } from '../../domain/rules/applicable-items.js';
import type { ProjectStore } from '../ports.js';

/**
 * The members of each collection that matter for this order: for a STATIC collection its listed
 * products and SKUs, for an AUTO_UPDATE one those of the order's products its filter matches
 * (asked of the database, which owns the filter's semantics). A missing collection is absent.
 */
export async function loadCollectionMembers(
  store: ProjectStore,
  collectionIds: readonly string[],
  items: readonly OrderItem[],
): Promise<Map<string, CollectionMembers>> {
  const members = new Map<string, CollectionMembers>();
  const orderProductIds = [...new Set(items.flatMap((item) => (item.product_id ? [item.product_id] : [])))];
  for (const id of new Set(collectionIds)) {
    const collection = await store.productCollections.findById(id);
    if (!collection) continue;
    if (collection.type === 'AUTO_UPDATE') {
      const filter = parseFilter(collection.filter ?? {}, PRODUCT_FILTER_FIELDS);
      const productIds = await store.productCollections.filterMatchingProductIds(filter, orderProductIds);
      members.set(id, { product_ids: productIds, sku_ids: [] });
      continue;
    }
    const listed = collection.products ?? [];
    members.set(id, {
      product_ids: listed.filter((member) => member.object === 'product').map((member) => member.id),
      sku_ids: listed.filter((member) => member.object === 'sku').map((member) => member.id),
    });
  }
  return members;
}

/** The collections (of `members`) order line `index` belongs to. */
export function collectionsOfLine(
  members: ReadonlyMap<string, CollectionMembers>,
  items: readonly OrderItem[],
): (index: number) => readonly string[] {
  return (index) => {
    const item = items[index];
    if (!item) return [];
    const ids: string[] = [];
    for (const [id, { product_ids, sku_ids }] of members) {
      const inIt =
        (item.product_id !== null && product_ids.includes(item.product_id)) ||
        (item.sku_id !== null && sku_ids.includes(item.sku_id));
      if (inIt) ids.push(id);
    }
    return ids;
  };
}
