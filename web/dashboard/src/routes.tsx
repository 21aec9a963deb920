import { type ReactNode, useEffect } from 'react';
import { AREAS } from './areas/all-areas';
import { PageHeader } from './components/page-header';
import { CampaignListPage } from './pages/campaign-list-page';
import { CampaignNewPage } from './pages/campaign-new-page';
import { CampaignPage } from './pages/campaign-page';
import { RedemptionListPage } from './pages/redemption-list-page';
import { RedemptionPage } from './pages/redemption-page';
import { VoucherPage } from './pages/voucher-page';
import { Link } from './router/link';
import { type Location, matchPath, navigate, readPage } from './router/router';

function RedirectTo({ path }: { path: string }) {
  useEffect(() => navigate(path, { replace: true }), [path]);
  return null;
}

function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing at this address. Go to the <Link to="/campaigns">campaigns</Link>.
      </p>
    </>
  );
}

/** The page for a location: the dashboard's whole map of addresses. */
export function renderRoute(location: Location): ReactNode {
  const { path, query } = location;
  const page = readPage(query);
  if (path === '/' || path === '/sign-in') return <RedirectTo path="/campaigns" />;
  if (path === '/campaigns') return <CampaignListPage page={page} />;
  if (path === '/campaigns/new') return <CampaignNewPage />;
  const campaign = matchPath('/campaigns/:id', path);
  if (campaign?.id) return <CampaignPage id={campaign.id} page={page} generation={location.state} />;
  const voucher = matchPath('/vouchers/:code', path);
  if (voucher?.code) return <VoucherPage code={voucher.code} />;
  if (path === '/redemptions') {
    const filter = { campaign: query.get('campaign') ?? undefined, voucher: query.get('voucher') ?? undefined };
    return <RedemptionListPage page={page} filter={filter} />;
  }
  const redemption = matchPath('/redemptions/:id', path);
  if (redemption?.id) return <RedemptionPage id={redemption.id} />;
  for (const area of AREAS) {
    const rendered = area.render(location);
    if (rendered !== null) return rendered;
  }
  return <NotFoundPage />;
}
