import { buildQuery } from '../api/api-client';
import { PAGE_SIZE } from '../api/campaign-api';
import { listRedemptions, type RedemptionFilter } from '../api/redemption-api';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ScrollingTable } from '../components/scrolling-table';
import { StatusBadge } from '../components/status-badge';
import { useApiData } from '../lib/use-api-data';
import { useDocumentTitle } from '../lib/use-document-title';
import { Link } from '../router/link';
import { RedeemedCode, RedemptionDateLink } from './redemption-cells';
import { describeCustomer, formatOrderAmount } from './redemption-format';

interface RedemptionListPageProps {
  page: number;
  filter: RedemptionFilter;
}

function describeFilter(filter: RedemptionFilter): string | null {
  if (filter.voucher) return `Showing redemptions of code ${filter.voucher}.`;
  if (filter.campaign) return `Showing redemptions of campaign ${filter.campaign}.`;
  return null;
}

export function RedemptionListPage({ page, filter }: RedemptionListPageProps) {
  useDocumentTitle('Redemptions');
  const key = `redemptions:${page}:${filter.campaign ?? ''}:${filter.voucher ?? ''}`;
  const { data, error, loading } = useApiData(key, () => listRedemptions(page, filter));
  const redemptions = data?.redemptions ?? [];
  const filterNote = describeFilter(filter);

  return (
    <>
      <PageHeader title="Redemptions" />
      {filterNote ? (
        <p>
          {filterNote} <Link to="/redemptions">Show all redemptions</Link>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && redemptions.length === 0 ? <p>No redemptions yet.</p> : null}
      {redemptions.length > 0 ? (
        <ScrollingTable caption="Redemptions, newest first">
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
          hrefOf={(target) => `/redemptions${buildQuery({ ...filter, page: target })}`}
        />
      ) : null}
    </>
  );
}
