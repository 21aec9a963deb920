import { PAGE_SIZE } from '../../api/campaign-api';
import { listOrders } from '../../api/catalog-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDate, formatMoney } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { formatOrderStatus } from './catalog-format';
import { buildListHref, ListControls, LookupForm, readListRequest, toListKey } from './list-controls';

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: '-amount', label: 'Largest amount' },
  { value: 'amount', label: 'Smallest amount' },
  { value: 'status', label: 'Status' },
];

export function OrderListPage({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Orders');
  const request = readListRequest(query, []);
  const key = toListKey('orders', request);
  const { data, error, loading } = useApiData(key, () => listOrders(request));
  const orders = data?.orders ?? [];

  return (
    <>
      <PageHeader title="Orders" />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath="/orders"
          label="Sort orders"
          fields={[]}
          sortOptions={SORTS}
          request={request}
          hint="The API cannot search or filter orders: sort the list, or open one by its id or the shop's source_id."
        />
        <LookupForm label="Order id or source_id" button="Open order" pathOf={(ref) => buildPath('orders', ref)} />
      </div>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && orders.length === 0 ? <p>No orders yet.</p> : null}
      {orders.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Orders</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Status</th>
                <th scope="col">Customer</th>
                <th scope="col" className="number">
                  Amount
                </th>
                <th scope="col" className="number">
                  Discount
                </th>
                <th scope="col" className="number">
                  Total
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id}>
                  <th scope="row">
                    <Link to={buildPath('orders', order.id)}>{order.source_id ?? order.id}</Link>
                  </th>
                  <td>{formatOrderStatus(order.status)}</td>
                  <td>
                    {order.customer_id ? (
                      <Link to={buildPath('customers', order.customer_id)}>{order.customer_id}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="number">{formatMoney(order.amount)}</td>
                  <td className="number">{formatMoney(order.total_discount_amount ?? 0)}</td>
                  <td className="number">{formatMoney(order.total_amount)}</td>
                  <td>{formatDate(order.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pager
          label="Order pages"
          page={request.page}
          pageSize={PAGE_SIZE}
          shown={orders.length}
          total={data.total}
          hrefOf={(page) => buildListHref('/orders', request, page)}
        />
      ) : null}
    </>
  );
}
