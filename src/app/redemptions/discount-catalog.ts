import type { CatalogLookup } from '../../domain/discounts/apply-discount.js';
import type { Discount } from '../../domain/discounts/discount.js';
import { isManyUnits } from '../../domain/discounts/discount.js';
import type { ProjectStore } from '../ports.js';

/**
 * The catalog entries a unit discount may add to the order, loaded up front so the discount
 * engine stays pure: other discounts need none.
 */
export async function loadDiscountCatalog(store: ProjectStore, discount: Discount | null): Promise<CatalogLookup> {
  if (discount?.type !== 'UNIT') return () => undefined;
  const grants = isManyUnits(discount) ? discount.units : [discount];
  const products = await store.products.findManyByIds(grants.map((g) => g.unit_type));
  const skuIds = grants.flatMap((g) => (g.sku?.id ? [g.sku.id] : []));
  const skus = skuIds.length > 0 ? await store.skus.findManyByIds(skuIds) : [];
  return (productId, skuId) => {
    const product = products.find((p) => p.id === productId);
    if (!product) return undefined;
    const sku = skuId ? (skus.find((s) => s.id === skuId && s.product_id === productId) ?? null) : null;
    if (skuId && !sku) return undefined;
    return { product, sku };
  };
}
