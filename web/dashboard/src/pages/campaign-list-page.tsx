import { listCampaigns, PAGE_SIZE } from '../api/campaign-api';
import { type CampaignTotals, fetchCampaignTotals } from '../api/insights-api';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ScrollingTable } from '../components/scrolling-table';
import { StatusBadge, toActiveStatus } from '../components/status-badge';
import { formatCampaignType, formatDate, formatMoney } from '../lib/format';
import { useApiData } from '../lib/use-api-data';
import { useDocumentTitle } from '../lib/use-document-title';
import { buildPath, Link } from '../router/link';

/** A campaign's dates in one cell, so the list fits a laptop screen: "1 Dec 2026 – 31 Dec 2026". */
function formatDateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return 'Always';
  if (!end) return `From ${formatDate(start)}`;
  if (!start) return `Until ${formatDate(end)}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/**
 * The redemptions that stand, as the discount column counts them, and how many more were rolled
 * back: "3", or "2 (1 rolled back)".
 */
function formatStandingRedemptions(totals: CampaignTotals | undefined): string {
  if (!totals) return '—';
  const standing = totals.redemptions_succeeded - totals.redemptions_rolled_back;
  return totals.redemptions_rolled_back > 0
    ? `${standing} (${totals.redemptions_rolled_back} rolled back)`
    : `${standing}`;
}

export function CampaignListPage({ page }: { page: number }) {
  useDocumentTitle('Campaigns');
  const { data, error, loading } = useApiData(`campaigns:${page}`, () => listCampaigns(page));
  const campaigns = data?.campaigns ?? [];
  // The redemption columns come from the dashboard's figures, in one call for the whole page.
  const ids = campaigns.map((campaign) => campaign.id);
  const totals = useApiData(`campaign-totals:${ids.join(',')}`, () => fetchCampaignTotals(ids));
  const totalsOf = (id: string) => totals.data?.get(id);

  return (
    <>
      <PageHeader
        title="Campaigns"
        actions={
          <>
            <Link to="/campaigns/new?type=coupons" className="button">
              New coupon campaign
            </Link>
            <Link to="/campaigns/new" className="button primary">
              New campaign
            </Link>
          </>
        }
      />
      <ErrorMessage error={error ?? totals.error} />
      <LoadingNote loading={loading} />
      {data && campaigns.length === 0 && page === 1 ? <p>No campaigns yet. Create one to hand out codes.</p> : null}
      {data && campaigns.length === 0 && page > 1 ? (
        <p>
          No campaigns on page {page}. <Link to="/campaigns">Go to the first page</Link>.
        </p>
      ) : null}
      {campaigns.length > 0 ? (
        <ScrollingTable caption="Campaigns, newest first">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Dates</th>
              <th scope="col" className="number">
                Codes
              </th>
              <th scope="col" className="number">
                Redemptions
              </th>
              <th scope="col" className="number">
                Discount given
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <th scope="row">
                  <Link to={buildPath('campaigns', campaign.id)}>{campaign.name}</Link>
                </th>
                <td>{formatCampaignType(campaign.campaign_type)}</td>
                <td>
                  <StatusBadge value={toActiveStatus(campaign.active)} />
                </td>
                <td>{formatDateRange(campaign.start_date, campaign.expiration_date)}</td>
                <td className="number">{campaign.vouchers_count}</td>
                <td className="number">{formatStandingRedemptions(totalsOf(campaign.id))}</td>
                <td className="number">{formatMoney(totalsOf(campaign.id)?.discount_given)}</td>
                <td>{formatDate(campaign.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {data ? (
        <Pager
          label="Campaign pages"
          page={page}
          pageSize={PAGE_SIZE}
          shown={campaigns.length}
          total={data.total}
          hrefOf={(target) => `/campaigns?page=${target}`}
        />
      ) : null}
    </>
  );
}
