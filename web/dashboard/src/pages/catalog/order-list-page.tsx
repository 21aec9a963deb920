import { listOrders } from '../../api/catalog-api';
import { formatDate, formatMoney } from '../../lib/format';
import { buildPath, Link } from '../../router/link';
import { formatOrderStatus } from './catalog-format';
import { CatalogList } from './catalog-list';

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: '-amount', label: 'Largest amount' },
  { value: 'amount', label: 'Smallest amount' },
  { value: 'status', label: 'Status' },
];

export function OrderListPage({ query }: { query: URLSearchParams }) {
  return (
    <CatalogList
      query={query}
      title="Orders"
      basePath="/orders"
      listKey="orders"
      load={listOrders}
      rowsOf={(answer) => answer.orders}
      searchLabel="Search orders"
      searchFieldLabel="Search orders by id or customer"
      sortOptions={SORTS}
      hint="The search finds part of an order's id or the shop's source_id, or of its customer's name, email or source_id, whatever the case."
      lookup={{ label: 'Order id or source_id', button: 'Open order', pathOf: (ref) => buildPath('orders', ref) }}
      emptyText="No orders match."
      caption="Orders"
      pagerLabel="Order pages"
      columns={[
        {
          header: 'Order',
          cell: (order) => <Link to={buildPath('orders', order.id)}>{order.source_id ?? order.id}</Link>,
        },
        { header: 'Status', cell: (order) => formatOrderStatus(order.status) },
        {
          header: 'Customer',
          cell: (order) =>
            order.customer_id ? <Link to={buildPath('customers', order.customer_id)}>{order.customer_id}</Link> : '—',
        },
        { header: 'Amount', numeric: true, cell: (order) => formatMoney(order.amount) },
        { header: 'Discount', numeric: true, cell: (order) => formatMoney(order.total_discount_amount ?? 0) },
        { header: 'Total', numeric: true, cell: (order) => formatMoney(order.total_amount) },
        { header: 'Created', cell: (order) => formatDate(order.created_at) },
      ]}
    />
  );
}
