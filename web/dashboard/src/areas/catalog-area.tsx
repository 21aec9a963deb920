import type { ReactNode } from 'react';
import { CustomerListPage } from '../pages/catalog/customer-list-page';
import { CustomerPage } from '../pages/catalog/customer-page';
import { OrderListPage } from '../pages/catalog/order-list-page';
import { OrderPage } from '../pages/catalog/order-page';
import { ProductListPage } from '../pages/catalog/product-list-page';
import { ProductPage } from '../pages/catalog/product-page';
import { SegmentListPage } from '../pages/catalog/segment-list-page';
import { SegmentPage } from '../pages/catalog/segment-page';
import { VoucherListPage } from '../pages/catalog/voucher-list-page';
import { type Location, matchPath } from '../router/router';
import type { Area } from './area';

function renderCatalogPage({ path, query }: Location): ReactNode | null {
  // `/vouchers/:code` is a core page (voucher-page.tsx); this area answers only the list.
  if (path === '/vouchers') return <VoucherListPage query={query} />;
  if (path === '/customers') return <CustomerListPage query={query} />;
  if (path === '/segments') return <SegmentListPage query={query} />;
  if (path === '/products') return <ProductListPage query={query} />;
  if (path === '/orders') return <OrderListPage query={query} />;
  const customer = matchPath('/customers/:id', path);
  if (customer?.id) return <CustomerPage customerRef={customer.id} />;
  const segment = matchPath('/segments/:id', path);
  if (segment?.id) return <SegmentPage id={segment.id} />;
  const product = matchPath('/products/:id', path);
  if (product?.id) return <ProductPage productRef={product.id} />;
  const order = matchPath('/orders/:id', path);
  if (order?.id) return <OrderPage orderRef={order.id} />;
  return null;
}

/** Vouchers, customers, segments, products and orders. */
export const catalogArea: Area = {
  sections: [
    { path: '/vouchers', label: 'Vouchers' },
    { path: '/customers', label: 'Customers' },
    { path: '/segments', label: 'Segments' },
    { path: '/products', label: 'Products' },
    { path: '/orders', label: 'Orders' },
  ],
  render: renderCatalogPage,
};
