import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import type { Campaign } from '../api/api-types';
import { getCampaign, setCampaignActive } from '../api/campaign-api';
import { DetailsList } from '../components/details-list';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { PageHeader } from '../components/page-header';
import { StatusBadge, toActiveStatus } from '../components/status-badge';
import { buildPattern } from '../lib/code-preview';
import { formatCampaignType, formatDate, formatDiscount, formatMoney } from '../lib/format';
import { useApiData } from '../lib/use-api-data';
import { useDocumentTitle } from '../lib/use-document-title';
import { Link } from '../router/link';
import { CampaignCodeTable } from './campaign-code-table';
import { forgetArrivalWarning, GenerationProgress, readGenerationState } from './campaign-generation';
import { CampaignSummarySection } from './campaign-summary-section';
import { CampaignCodeExport } from './campaigns/campaign-code-export';
import { CampaignCodeTools } from './campaigns/campaign-code-tools';
import { CampaignDeleteControl } from './campaigns/campaign-delete-control';
import { CampaignEditForm } from './campaigns/campaign-edit-form';
import { PromotionTierTable } from './campaigns/promotion-tier-table';
import { describeReferralProgram } from './campaigns/referral-program-details';
import { CampaignInsights } from './insights/campaign-insights';
import '../styles/campaigns.css';

interface CampaignPageProps {
  id: string;
  page: number;
  /** The history state the new-campaign form left, if it brought the user here. */
  generation: unknown;
}

type Panel = 'none' | 'edit' | 'delete';

/** A gift campaign's template carries credit instead of a discount; a referral code's discount is the referee's. */
function describeValue(campaign: Campaign) {
  const gift = (campaign.voucher as { gift?: { amount?: number } | null } | undefined)?.gift;
  if (gift?.amount !== undefined) return { term: 'Credit per card', value: formatMoney(gift.amount) };
  const term = campaign.campaign_type === 'REFERRAL_PROGRAM' ? "Referee's discount" : 'Discount';
  return { term, value: formatDiscount(campaign.voucher?.discount) };
}

function describeCampaign(campaign: Campaign) {
  const quantity = campaign.voucher?.redemption?.quantity;
  return [
    { term: 'Type', value: formatCampaignType(campaign.campaign_type) },
    { term: 'Status', value: <StatusBadge value={toActiveStatus(campaign.active)} /> },
    { term: 'Description', value: campaign.description ?? '—' },
    describeValue(campaign),
    ...describeReferralProgram(campaign),
    {
      term: 'Code pattern',
      value: campaign.voucher?.code_config ? <code>{buildPattern(campaign.voucher.code_config)}</code> : '—',
    },
    { term: 'Uses per code', value: quantity === null || quantity === undefined ? 'Unlimited' : String(quantity) },
    { term: 'Start date', value: formatDate(campaign.start_date) },
    { term: 'Expiration date', value: formatDate(campaign.expiration_date) },
    { term: 'Created', value: formatDate(campaign.created_at) },
    { term: 'Id', value: <code>{campaign.id}</code> },
  ];
}

export function CampaignPage({ id, page, generation }: CampaignPageProps) {
  const [version, setVersion] = useState(0);
  const { data: campaign, error, loading, reload } = useApiData(`campaign:${id}`, () => getCampaign(id));
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<Panel>('none');
  const [notice, setNotice] = useState('');
  useDocumentTitle(campaign?.name ?? 'Campaign');
  const [arrivalWarning] = useState(() => readGenerationState(generation)?.warning);
  useEffect(forgetArrivalWarning, []);

  const toggleActive = async () => {
    if (!campaign) return;
    setBusy(true);
    setActionError(null);
    try {
      await setCampaignActive(campaign.id, !campaign.active);
      reload();
    } catch (caught) {
      setActionError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const refreshAll = () => {
    reload();
    setVersion((value) => value + 1);
  };

  const finishEdit = (message: string) => {
    setPanel('none');
    setNotice(message);
    reload();
  };

  const openPanel = (next: Panel) => {
    setNotice('');
    setPanel((current) => (current === next ? 'none' : next));
  };
  const isPromotion = campaign?.campaign_type === 'PROMOTION';

  return (
    <>
      <PageHeader
        title={campaign?.name ?? 'Campaign'}
        back={<Link to="/campaigns">← Campaigns</Link>}
        actions={
          campaign ? (
            <>
              <Link to={`/redemptions?campaign=${encodeURIComponent(campaign.name)}`} className="button">
                Redemptions of this campaign
              </Link>
              <button type="button" className="button" onClick={toggleActive} disabled={busy}>
                {campaign.active ? 'Disable campaign' : 'Enable campaign'}
              </button>
              <button
                type="button"
                className="button"
                aria-expanded={panel === 'edit'}
                onClick={() => openPanel('edit')}
              >
                Edit campaign
              </button>
              <button
                type="button"
                className="button"
                aria-expanded={panel === 'delete'}
                onClick={() => openPanel('delete')}
              >
                Delete campaign
              </button>
            </>
          ) : null
        }
      />
      <ErrorMessage error={error} />
      <ErrorMessage error={actionError} takeFocus />
      <LoadingNote loading={loading && !campaign} />
      {arrivalWarning ? (
        <p className="warning" role="alert">
          {arrivalWarning}
        </p>
      ) : null}
      <p role="status" className="campaign-notice">
        {notice}
      </p>
      {campaign && panel === 'edit' ? (
        <CampaignEditForm campaign={campaign} onSaved={finishEdit} onCancel={() => setPanel('none')} />
      ) : null}
      {campaign && panel === 'delete' ? (
        <CampaignDeleteControl campaign={campaign} onCancel={() => setPanel('none')} />
      ) : null}
      {campaign?.vouchers_generation_status === 'IN_PROGRESS' ? (
        <GenerationProgress
          campaignId={campaign.id}
          generation={readGenerationState(generation)}
          onFinished={refreshAll}
        />
      ) : null}
      {campaign?.vouchers_generation_status === 'FAILED' ? (
        <p className="warning" role="alert">
          Generating this campaign's codes failed; it holds {campaign.vouchers_count} codes.
        </p>
      ) : null}
      {campaign ? (
        <>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <DetailsList items={describeCampaign(campaign)} />
          </section>
          <CampaignSummarySection campaignId={campaign.id} version={version} />
          <CampaignInsights campaignId={campaign.id} />
          {isPromotion ? (
            <PromotionTierTable campaignId={campaign.id} version={version} />
          ) : (
            <>
              <CampaignCodeTable campaignId={campaign.id} page={page} version={version} />
              <CampaignCodeTools campaignId={campaign.id} onChanged={refreshAll} />
              <CampaignCodeExport campaignId={campaign.id} campaignName={campaign.name} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
