import type { HTTPMethods } from 'fastify';
import type { KnownValues } from './schema-arbitraries.js';
import type { TestProject, TestServer } from './test-server.js';

interface Created {
  id: string;
  [field: string]: unknown;
}

/** The last path segment of an asset link: the signed token `/assets/qr/:token` takes. */
function tokenOf(link: unknown): string[] {
  const url = (link as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' ? [decodeURIComponent(url.split('/').pop() ?? '')] : [];
}

/**
 * A little of everything in a project, by default the server's first (a category, a campaign with generated
 * codes, standalone vouchers, a customer, a product with a SKU, a collection, an order, a
 * redemption and its rollback) and a project of its own for the management routes to change,
 * so generated ids sometimes name objects that exist. Answers what names them, by the property
 * or path parameter that takes them.
 */
export async function seedFuzzData(server: TestServer, project: TestProject = server.project): Promise<KnownValues> {
  const send = async (method: HTTPMethods, url: string, payload?: unknown): Promise<Created> => {
    const answer = await server.app.inject({
      method,
      url,
      headers: server.serverHeaders(project),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (answer.statusCode >= 300) throw new Error(`seeding ${method} ${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json<Created>();
  };

  const category = await send('POST', '/v1/categories', { name: 'fuzz-category', hierarchy: 1 });
  const campaign = await send('POST', '/v1/campaigns', {
    name: 'Fuzz Campaign',
    campaign_type: 'DISCOUNT_COUPONS',
    type: 'AUTO_UPDATE',
    vouchers_count: 3,
    category_id: category.id,
    voucher: {
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 500 },
      redemption: { quantity: 1000 },
      code_config: { pattern: 'FZ-####' },
    },
  });
  await server.worker.runPending();
  const generated = await send('GET', `/v1/vouchers?campaign_id=${campaign.id}&limit=10`);
  const campaignCodes = (generated.vouchers as { code: string }[]).map((voucher) => voucher.code);

  const percent = await send('POST', '/v1/vouchers/FUZZ-PERCENT', {
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'PERCENT', percent_off: 10 },
    metadata: { tier: 'gold' },
  });
  const unit = await send('POST', '/v1/vouchers/FUZZ-UNIT', {
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'UNIT', unit_off: 1, unit_type: 'prod_fuzz', effect: 'ADD_MISSING_ITEMS' },
  });
  const customer = await send('POST', '/v1/customers', {
    source_id: 'fuzz-customer',
    name: 'Fuzz',
    email: 'fuzz@example.com',
    metadata: { tier: 'gold' },
  });
  const product = await send('POST', '/v1/products', { source_id: 'fuzz-product', name: 'Fuzz product', price: 1000 });
  const sku = await send('POST', `/v1/products/${product.id}/skus`, { source_id: 'fuzz-sku', sku: 'Fuzz', price: 500 });
  const collection = await send('POST', '/v1/product-collections', {
    name: 'fuzz-collection',
    type: 'STATIC',
    products: [{ id: product.id, object: 'product' }],
  });
  const order = await send('POST', '/v1/orders', {
    source_id: 'fuzz-order',
    items: [{ product_id: product.id, quantity: 2, price: 1000 }],
  });
  const redemption = await send('POST', '/v1/vouchers/FUZZ-PERCENT/redemption', {
    customer: { source_id: 'fuzz-customer' },
    order: { amount: 5000 },
  });
  const rolledBack = await send('POST', '/v1/vouchers/FUZZ-UNIT/redemption', {
    customer: { id: customer.id },
    order: { amount: 2000, items: [{ product_id: product.id, quantity: 1, price: 2000 }] },
  });
  const rollback = await send('POST', `/v1/redemptions/${rolledBack.id}/rollback`, { reason: 'fuzz' });
  const actions = await send('GET', '/v1/async-actions?limit=5');
  const victim = await server.createProject();

  const codes = [...campaignCodes, String(percent.code), String(unit.code)];
  const customerRefs = [customer.id, 'fuzz-customer'];
  const productRefs = [product.id, 'fuzz-product'];
  const skuRefs = [sku.id, 'fuzz-sku'];
  const campaignRefs = [campaign.id, 'Fuzz Campaign'];
  const tokens = [percent, unit].flatMap((voucher) => {
    const assets = voucher.assets as { qr?: unknown; barcode?: unknown } | undefined;
    return [...tokenOf(assets?.qr), ...tokenOf(assets?.barcode)];
  });
  return {
    code: codes,
    codes,
    campaignId: campaignRefs,
    campaign: campaignRefs,
    campaign_id: [campaign.id],
    customerId: customerRefs,
    customer: customerRefs,
    customer_id: [customer.id],
    productId: productRefs,
    product_id: productRefs,
    skuId: skuRefs,
    sku_id: skuRefs,
    unit_type: [product.id, sku.id],
    categoryId: [category.id],
    category_id: [category.id],
    category: ['fuzz-category'],
    productCollectionId: [collection.id],
    orderId: [order.id, 'fuzz-order'],
    redemptionId: [redemption.id, rolledBack.id, rollback.id],
    asyncActionId: (actions.async_actions as { id: string }[]).map((action) => action.id),
    starting_after_id: (actions.async_actions as { id: string }[]).map((action) => action.id),
    projectId: [victim.id],
    token: tokens,
    source_id: ['fuzz-customer', 'fuzz-product', 'fuzz-sku', 'fuzz-order'],
    source_ids: ['fuzz-customer', 'fuzz-product'],
    id: [customer.id, product.id, sku.id, order.id, collection.id],
  };
}
