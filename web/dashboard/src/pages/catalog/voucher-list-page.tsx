import { PAGE_SIZE } from '../../api/campaign-api';
import { listVouchers } from '../../api/catalog-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { StatusBadge, toActiveStatus } from '../../components/status-badge';
import { formatDate, formatDiscount, formatMoney, formatUses } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { buildListHref, type FilterField, ListControls, LookupForm, readListRequest, toListKey } from './list-controls';

const FIELDS: readonly FilterField[] = [
  { name: 'campaign', label: 'Campaign name' },
  { name: 'code', label: 'Code' },
  { name: 'customer', label: 'Customer' },
];

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'code', label: 'Code A–Z' },
  { value: '-code', label: 'Code Z–A' },
];

export function VoucherListPage({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Vouchers');
  const request = readListRequest(query, FIELDS);
  const key = toListKey('vouchers', request);
  const { data, error, loading } = useApiData(key, () => listVouchers(request));
  const vouchers = data?.vouchers ?? [];

  return (
    <>
      <PageHeader title="Vouchers" />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath="/vouchers"
          label="Search vouchers"
          fields={FIELDS}
          sortOptions={SORTS}
          request={request}
          hint="Each filter matches exactly: the whole campaign name, the whole code, or a customer (id or source_id) who holds the code."
        />
        <LookupForm label="Open a code" button="Open code" pathOf={(code) => buildPath('vouchers', code)} />
      </div>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && vouchers.length === 0 ? <p>No vouchers match.</p> : null}
      {vouchers.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Vouchers</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Campaign</th>
                <th scope="col">Discount</th>
                <th scope="col">Status</th>
                <th scope="col">Redeemed</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {vouchers.map((voucher) => (
                <tr key={voucher.id}>
                  <th scope="row">
                    <Link to={buildPath('vouchers', voucher.code)}>
                      <code>{voucher.code}</code>
                    </Link>
                  </th>
                  <td>
                    {voucher.campaign_id ? (
                      <Link to={buildPath('campaigns', voucher.campaign_id)}>
                        {voucher.campaign ?? voucher.campaign_id}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {voucher.gift ? `Gift card ${formatMoney(voucher.gift.balance)}` : formatDiscount(voucher.discount)}
                  </td>
                  <td>
                    <StatusBadge value={toActiveStatus(voucher.active)} />
                  </td>
                  <td>{formatUses(voucher.redemption.redeemed_quantity, voucher.redemption.quantity)}</td>
                  <td>{formatDate(voucher.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pager
          label="Voucher pages"
          page={request.page}
          pageSize={PAGE_SIZE}
          shown={vouchers.length}
          total={data.total}
          hrefOf={(page) => buildListHref('/vouchers', request, page)}
        />
      ) : null}
    </>
  );
}
