import { PAGE_SIZE } from '../api/campaign-api';
import { listCampaignVouchers } from '../api/voucher-api';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { Pager } from '../components/pager';
import { ScrollingTable } from '../components/scrolling-table';
import { StatusBadge, toActiveStatus } from '../components/status-badge';
import { formatDate, formatUses } from '../lib/format';
import { useApiData } from '../lib/use-api-data';
import { buildPath, Link } from '../router/link';

interface CampaignCodeTableProps {
  campaignId: string;
  page: number;
  /** Changes when the codes may have changed (generation finished), to load them again. */
  version: number;
}

/** A campaign's codes, a page at a time, each linking to its voucher page. */
export function CampaignCodeTable({ campaignId, page, version }: CampaignCodeTableProps) {
  const { data, error, loading } = useApiData(`codes:${campaignId}:${page}:${version}`, () =>
    listCampaignVouchers(campaignId, page),
  );
  const vouchers = data?.vouchers ?? [];

  return (
    <section aria-labelledby="codes-heading">
      <h2 id="codes-heading">Codes</h2>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && vouchers.length === 0 ? <p>This campaign has no codes yet.</p> : null}
      {vouchers.length > 0 ? (
        <ScrollingTable caption="Codes of this campaign">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Redeemed
              </th>
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
                  <StatusBadge value={toActiveStatus(voucher.active)} />
                </td>
                <td className="number">
                  {formatUses(voucher.redemption.redeemed_quantity, voucher.redemption.quantity)}
                </td>
                <td>{formatDate(voucher.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {data ? (
        <Pager
          label="Code pages"
          page={page}
          pageSize={PAGE_SIZE}
          shown={vouchers.length}
          total={data.total}
          hrefOf={(target) => `${buildPath('campaigns', campaignId)}?page=${target}`}
        />
      ) : null}
    </section>
  );
}
