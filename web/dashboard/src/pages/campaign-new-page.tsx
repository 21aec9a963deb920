import { useState } from 'react';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../lib/use-document-title';
import { Link } from '../router/link';
import { type CampaignKind, CampaignTypeChoice, readCampaignKind } from './campaigns/campaign-type-choice';
import { CouponForm } from './campaigns/coupon-form';
import { GiftCardForm } from './campaigns/gift-card-form';
import { PromotionForm } from './campaigns/promotion-form';
import { ReferralForm } from './campaigns/referral-form';
import '../styles/campaigns.css';

const titles: Record<CampaignKind, string> = {
  COUPONS: 'New coupon campaign',
  PROMOTION: 'New promotion',
  GIFT: 'New gift card campaign',
  REFERRAL: 'New referral program',
};

/** Pick a campaign type, then fill in its form; discount coupons come first, as the old link promises. */
export function CampaignNewPage() {
  const [kind, setKind] = useState<CampaignKind>(() => readCampaignKind(window.location.search));
  useDocumentTitle(titles[kind]);

  return (
    <>
      <PageHeader title={titles[kind]} back={<Link to="/campaigns">← Campaigns</Link>} />
      <CampaignTypeChoice value={kind} onChange={setKind} />
      {kind === 'COUPONS' ? <CouponForm /> : null}
      {kind === 'PROMOTION' ? <PromotionForm /> : null}
      {kind === 'GIFT' ? <GiftCardForm /> : null}
      {kind === 'REFERRAL' ? <ReferralForm /> : null}
    </>
  );
}
