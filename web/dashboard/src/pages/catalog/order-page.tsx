import { getOrder, listOrderRedemptions, type Order, type OrderItem } from '../../api/catalog-api';
import { DetailsList } from '../../components/details-list';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { ScrollingTable } from '../../components/scrolling-table';
import { formatDate, formatMoney } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { formatOrderStatus } from './catalog-format';
import { CatalogSection } from './catalog-section';
import { MetadataList } from './metadata-list';
import { RedemptionTable } from './redemption-table';

function ItemName({ item }: { item: OrderItem }) {
  const productId = item.product_id ?? item.product?.id;
  const name = item.product?.name ?? item.product?.source_id ?? item.source_id ?? productId ?? 'Item';
  const sku = item.sku?.sku ?? item.sku?.source_id;
  return (
    <>
      {productId ? <Link to={buildPath('products', productId)}>{name}</Link> : name}
      {sku ? <span className="catalog-sub"> SKU {sku}</span> : null}
    </>
  );
}

function OrderItems({ order }: { order: Order }) {
  if (order.items.length === 0) return <p className="catalog-empty">The order has no lines, only its amount.</p>;
  return (
    <ScrollingTable caption="The order's items">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="number">
            Quantity
          </th>
          <th scope="col" className="number">
            Price
          </th>
          <th scope="col" className="number">
            Amount
          </th>
          <th scope="col" className="number">
            Discount
          </th>
          <th scope="col" className="number">
            Subtotal
          </th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item, index) => (
          // Lines have no id of their own; their place in the order is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: order lines are never reordered on this page
          <tr key={index}>
            <th scope="row">
              <ItemName item={item} />
            </th>
            <td className="number">{item.quantity ?? '—'}</td>
            <td className="number">{formatMoney(item.price)}</td>
            <td className="number">{formatMoney(item.amount)}</td>
            <td className="number">{formatMoney(item.discount_amount ?? 0)}</td>
            <td className="number">{formatMoney(item.subtotal_amount ?? item.amount)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

function OrderRedemptions({ order }: { order: Order }) {
  const { data, error } = useApiData(`order-redemptions:${order.id}`, () => listOrderRedemptions(order));
  const redemptions = data?.redemptions ?? [];
  return (
    <CatalogSection id="order-redemptions" title="Redemptions" error={error}>
      {data && redemptions.length === 0 ? <p className="catalog-empty">No redemption applied to this order.</p> : null}
      {redemptions.length > 0 ? (
        <RedemptionTable caption="Redemptions applied to the order" redemptions={redemptions} showOrder={false} />
      ) : null}
      <p className="help">Found among the latest 100 redemptions of the order's customer.</p>
    </CatalogSection>
  );
}

/** One order: amounts before and after discounts, its lines and the redemptions that applied to it. */
export function OrderPage({ orderRef }: { orderRef: string }) {
  const { data: order, error, loading } = useApiData(`order:${orderRef}`, () => getOrder(orderRef));
  const title = order ? `Order ${order.source_id ?? order.id}` : 'Order';
  useDocumentTitle(title);

  return (
    <>
      <PageHeader title={title} back={<Link to="/orders">← Orders</Link>} />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !order} />
      {order ? (
        <div className="catalog-stack">
          <CatalogSection id="order-details" title="Details">
            <DetailsList
              items={[
                { term: 'Id', value: <code>{order.id}</code> },
                { term: 'Source id', value: order.source_id ?? '—' },
                { term: 'Status', value: formatOrderStatus(order.status) },
                {
                  term: 'Customer',
                  value: order.customer_id ? (
                    <Link to={buildPath('customers', order.customer_id)}>{order.customer_id}</Link>
                  ) : (
                    'None'
                  ),
                },
                { term: 'Amount', value: formatMoney(order.amount) },
                { term: 'Discount', value: formatMoney(order.total_discount_amount ?? 0) },
                { term: 'Total', value: formatMoney(order.total_amount) },
                { term: 'Created', value: formatDate(order.created_at) },
                { term: 'Updated', value: formatDate(order.updated_at) },
              ]}
            />
          </CatalogSection>
          <CatalogSection id="order-items" title="Items">
            <OrderItems order={order} />
          </CatalogSection>
          <OrderRedemptions order={order} />
          <CatalogSection id="order-metadata" title="Metadata">
            <MetadataList values={order.metadata} empty="No metadata." />
          </CatalogSection>
        </div>
      ) : null}
    </>
  );
}
