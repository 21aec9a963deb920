import { useState } from 'react';
import { PAGE_SIZE } from '../../api/campaign-api';
import {
  type Activity,
  listCustomerActivity,
  listCustomerRedemptions,
  listCustomerWallet,
} from '../../api/catalog-api';
import { ScrollingTable } from '../../components/scrolling-table';
import { StatusBadge, toActiveStatus } from '../../components/status-badge';
import { formatDate, formatDiscount, formatMoney, formatUses } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { buildPath, Link } from '../../router/link';
import { CatalogSection } from './catalog-section';
import { RedemptionTable } from './redemption-table';

/** The customer's redemptions, newest first, paged in place (the page's address stays the customer's). */
export function CustomerRedemptionsSection({ customerId }: { customerId: string }) {
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApiData(`customer-redemptions:${customerId}:${page}`, () =>
    listCustomerRedemptions(customerId, page),
  );
  const redemptions = data?.redemptions ?? [];
  const hasNext = data?.total === undefined ? redemptions.length === PAGE_SIZE : page * PAGE_SIZE < data.total;

  return (
    <CatalogSection id="customer-redemptions" title="Redemptions" error={error}>
      {data && redemptions.length === 0 ? <p className="catalog-empty">No redemptions yet.</p> : null}
      {redemptions.length > 0 ? (
        <RedemptionTable caption="The customer's redemptions and rollbacks, newest first" redemptions={redemptions} />
      ) : null}
      {page > 1 || hasNext ? (
        <div className="pager">
          <button type="button" className="button" disabled={page === 1 || loading} onClick={() => setPage(page - 1)}>
            Newer redemptions
          </button>
          <span>Page {page}</span>
          <button type="button" className="button" disabled={!hasNext || loading} onClick={() => setPage(page + 1)}>
            Older redemptions
          </button>
        </div>
      ) : null}
    </CatalogSection>
  );
}

/** The codes published to the customer (their wallet). */
export function CustomerWalletSection({ customerId }: { customerId: string }) {
  const { data, error } = useApiData(`customer-wallet:${customerId}`, () => listCustomerWallet(customerId));
  const entries = data?.data ?? [];
  return (
    <CatalogSection id="customer-wallet" title="Wallet" error={error}>
      {data && entries.length === 0 ? <p className="catalog-empty">No codes published to this customer.</p> : null}
      {entries.length > 0 ? (
        <ScrollingTable caption="Codes the customer holds">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Campaign</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
              <th scope="col">Redeemed</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ id, redeemable: { voucher } }) => (
              <tr key={id}>
                <th scope="row">
                  <Link to={buildPath('vouchers', voucher.code)}>
                    <code>{voucher.code}</code>
                  </Link>
                </th>
                <td>{voucher.campaign ?? '—'}</td>
                <td>
                  {voucher.gift ? `Balance ${formatMoney(voucher.gift.balance)}` : formatDiscount(voucher.discount)}
                </td>
                <td>
                  <StatusBadge value={toActiveStatus(voucher.active)} />
                </td>
                <td>{formatUses(voucher.redemption.redeemed_quantity, voucher.redemption.quantity)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {data?.has_more ? <p className="help">Showing the latest {PAGE_SIZE} codes.</p> : null}
    </CatalogSection>
  );
}

/** `customer.redemption.succeeded` → "Redemption succeeded". */
function describeActivityType(type: string): string {
  const words = type.replace(/^customer\./, '').replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function ActivityLinks({ activity }: { activity: Activity }) {
  const inner = activity.data.data;
  const code = inner?.voucher?.code;
  const orderId = inner?.order?.id;
  if (!code && !orderId) return <>—</>;
  return (
    <>
      {code ? (
        <Link to={buildPath('vouchers', code)}>
          <code>{code}</code>
        </Link>
      ) : null}
      {code && orderId ? ', ' : null}
      {orderId ? <Link to={buildPath('orders', orderId)}>order {orderId}</Link> : null}
    </>
  );
}

/** The customer's latest events, redemptions and rollbacks as the API records them. */
export function CustomerActivitySection({ customerId }: { customerId: string }) {
  const { data, error } = useApiData(`customer-activity:${customerId}`, () => listCustomerActivity(customerId));
  const activities = data?.data ?? [];
  return (
    <CatalogSection id="customer-activity" title="Activity" error={error}>
      {data && activities.length === 0 ? <p className="catalog-empty">No activity yet.</p> : null}
      {activities.length > 0 ? (
        <ol className="catalog-timeline" aria-label="Latest activity, newest first">
          {activities.map((activity) => (
            <li key={activity.id}>
              <time dateTime={activity.created_at}>{formatDate(activity.created_at)}</time>
              <span className="catalog-timeline-what">{describeActivityType(activity.type)}</span>
              <span>
                <ActivityLinks activity={activity} />
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {data?.has_more ? <p className="help">Showing the latest {PAGE_SIZE} entries.</p> : null}
    </CatalogSection>
  );
}
