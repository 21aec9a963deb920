import { PAGE_SIZE } from '../api/campaign-api';
import type { ListRequest } from '../api/catalog-api';
import { listRedemptions, type RedemptionFilter } from '../api/redemption-api';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ScrollingTable } from '../components/scrolling-table';
import { StatusBadge } from '../components/status-badge';
import { useApiData } from '../lib/use-api-data';
import { useDocumentTitle } from '../lib/use-document-title';
import { buildPath, Link } from '../router/link';
import { useLocation } from '../router/router';
import '../styles/catalog.css';
import { buildListHref, type FilterField, ListControls, LookupForm, toListKey } from './catalog/list-controls';
import { RedeemedCode, RedemptionDateLink } from './redemption-cells';
import { describeCustomer, formatOrderAmount } from './redemption-format';

interface RedemptionListPageProps {
  page: number;
  filter: RedemptionFilter;
}

/** The exact filters beside the search, named as in the address (`?campaign=`, `?voucher=`) and the API. */
const FIELDS: readonly FilterField[] = [
  { name: 'campaign', label: 'Campaign name' },
  { name: 'voucher', label: 'Code' },
];

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
];

function describeFilter(filter: RedemptionFilter): string | null {
  if (filter.voucher) return `Showing redemptions of code ${filter.voucher}.`;
  if (filter.campaign) return `Showing redemptions of campaign ${filter.campaign}.`;
  return null;
}

export function RedemptionListPage({ page, filter }: RedemptionListPageProps) {
  useDocumentTitle('Redemptions');
  // The page and the exact filters come from the route; the search and the order from the same address.
  const { query } = useLocation();
  const request: ListRequest = {
    page,
    order: query.get('order') || undefined,
    search: query.get('search')?.trim() || undefined,
    filters: { campaign: filter.campaign, voucher: filter.voucher },
  };
  const key = toListKey('redemptions', request);
  const { data, error, loading } = useApiData(key, () =>
    listRedemptions(page, { ...filter, search: request.search, order: request.order }),
  );
  const redemptions = data?.redemptions ?? [];
  const filterNote = describeFilter(filter);
  const isSearched = request.search !== undefined || filterNote !== null;

  return (
    <>
      <PageHeader title="Redemptions" />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath="/redemptions"
          label="Search redemptions"
          searchFieldLabel="Search redemptions by code, customer or id"
          fields={FIELDS}
          sortOptions={SORTS}
          request={request}
          hint="The search finds part of a redemption's id or code, of its customer's name, email or source_id, or of its order's source_id, whatever the case. The campaign name and the code filters match exactly."
        />
        <LookupForm label="Redemption id" button="Open redemption" pathOf={(id) => buildPath('redemptions', id)} />
      </div>
      {filterNote ? (
        <p>
          {filterNote} <Link to="/redemptions">Show all redemptions</Link>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && redemptions.length === 0 ? <p>{isSearched ? 'No redemptions match.' : 'No redemptions yet.'}</p> : null}
      {redemptions.length > 0 ? (
        <ScrollingTable
          caption={request.order === 'created_at' ? 'Redemptions, oldest first' : 'Redemptions, newest first'}
        >
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Code</th>
              <th scope="col">Result</th>
              <th scope="col">Status</th>
              <th scope="col">Customer</th>
              <th scope="col" className="number">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {redemptions.map((redemption) => (
              <tr key={redemption.id}>
                <th scope="row">
                  <RedemptionDateLink redemption={redemption} />
                </th>
                <td>
                  <RedeemedCode redemption={redemption} />
                </td>
                <td>
                  <StatusBadge value={redemption.result} />
                </td>
                <td>
                  <StatusBadge value={redemption.status} />
                </td>
                <td>{describeCustomer(redemption)}</td>
                <td className="number">{formatOrderAmount(redemption)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {data ? (
        <Pager
          label="Redemption pages"
          page={page}
          pageSize={PAGE_SIZE}
          shown={redemptions.length}
          total={data.total}
          hrefOf={(target) => buildListHref('/redemptions', request, target)}
        />
      ) : null}
    </>
  );
}
