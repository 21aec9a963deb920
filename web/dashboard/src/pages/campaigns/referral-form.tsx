import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { createCampaign } from '../../api/campaign-api';
import { parseMoney } from '../../lib/format';
import { CodePreviewPanel } from '../code-preview-panel';
import { checkCodeSettings, INITIAL_CODE_SETTINGS, toCodeConfig } from '../code-settings';
import { CodeSettingsFields } from '../code-settings-fields';
import { CampaignFormStart } from './campaign-form-start';
import { toPreviewConfig } from './code-count';
import { DiscountChoice } from './discount-choice';
import { DiscountPreview } from './discount-preview';
import { goToCampaign } from './go-to-campaign';
import type { DiscountSettings } from './read-discount';
import { EMPTY_DISCOUNT, readDiscount } from './read-discount';
import {
  NO_REWARD,
  RefereeRewardFields,
  ReferralRewardFields,
  type RewardSettings,
  useRewardCampaigns,
} from './referral-reward-fields';

type Conversion = 'redemption' | 'custom_event';

/** The referrer's reward as `referral_program.referrer_reward`, or what is wrong with it. */
function readReward(reward: RewardSettings): Record<string, unknown> | null | string {
  if (!reward.campaignId) return null;
  const parent = { id: reward.campaignId, object: 'CAMPAIGN' };
  if (reward.campaignType !== 'GIFT_VOUCHERS') return { type: 'DISCOUNT_VOUCHER', related_object_parent: parent };
  const amount = parseMoney(reward.amount);
  if (amount === null || amount <= 0) return 'Credit per referral must be a positive amount like 5.00.';
  return { type: 'GIFT_VOUCHER', related_object_parent: parent, amount };
}

/** The referee's credit as `referral_program.referee_reward` (a gift card campaign only), or what is wrong with it. */
function readRefereeReward(reward: RewardSettings): Record<string, unknown> | null | string {
  if (!reward.campaignId) return null;
  const amount = parseMoney(reward.amount);
  if (amount === null || amount <= 0) return 'Credit for the referee must be a positive amount like 5.00.';
  return { type: 'GIFT_VOUCHER', related_object_parent: { id: reward.campaignId, object: 'CAMPAIGN' }, amount };
}

/**
 * A referral program: each referrer gets a code to share; the referee's order gets a discount, and
 * when the referral counts the referrer (and, if chosen, the referee) gets a reward.
 */
export function ReferralForm() {
  const [name, setName] = useState('');
  const [codes, setCodes] = useState(INITIAL_CODE_SETTINGS);
  const [discount, setDiscount] = useState<DiscountSettings>(EMPTY_DISCOUNT);
  const [conversion, setConversion] = useState<Conversion>('redemption');
  const [eventName, setEventName] = useState('');
  const [reward, setReward] = useState<RewardSettings>(NO_REWARD);
  const [refereeReward, setRefereeReward] = useState<RewardSettings>(NO_REWARD);
  const rewardCampaigns = useRewardCampaigns();
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const codeProblems = checkCodeSettings(codes);

  const submitCampaign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = [...codeProblems];
    if (name.trim() === '') found.unshift('Enter a name.');
    const refereeDiscount = readDiscount(discount);
    if (typeof refereeDiscount === 'string') found.push(`Referee's discount: ${refereeDiscount}`);
    if (conversion === 'custom_event' && eventName.trim() === '') found.push('Enter the name of the converting event.');
    const referrerReward = readReward(reward);
    if (typeof referrerReward === 'string') found.push(referrerReward);
    const refereeCredit = readRefereeReward(refereeReward);
    if (typeof refereeCredit === 'string') found.push(refereeCredit);
    setProblems(found);
    setError(null);
    if (
      found.length > 0 ||
      typeof refereeDiscount === 'string' ||
      typeof referrerReward === 'string' ||
      typeof refereeCredit === 'string'
    ) {
      return;
    }
    setBusy(true);
    try {
      const campaign = await createCampaign({
        name: name.trim(),
        campaign_type: 'REFERRAL_PROGRAM',
        // Codes are made one per referrer as they are published, so none are generated now.
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: refereeDiscount, code_config: toCodeConfig(codes) },
        referral_program: {
          conversion_event_type: conversion,
          ...(conversion === 'custom_event' ? { custom_event: { name: eventName.trim() } } : {}),
          ...(referrerReward ? { referrer_reward: referrerReward } : {}),
          ...(refereeCredit ? { referee_reward: refereeCredit } : {}),
        },
      });
      goToCampaign(campaign, 0);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="form-layout">
      <form className="form" onSubmit={submitCampaign} noValidate>
        <CampaignFormStart
          problems={problems}
          action="creating the referral program"
          error={error}
          name={name}
          onNameChange={setName}
        />
        <CodeSettingsFields settings={codes} onChange={setCodes} />
        <div className="fieldset">
          <DiscountChoice
            idPrefix="referee"
            legend="Referee's discount (on the order the shared code is used for)"
            settings={discount}
            onChange={setDiscount}
          />
        </div>
        <fieldset className="fieldset">
          <legend>When a referral counts</legend>
          <div className="choice">
            <label>
              <input
                type="radio"
                name="conversion"
                checked={conversion === 'redemption'}
                onChange={() => setConversion('redemption')}
              />
              When the referee redeems the code
            </label>
            <label>
              <input
                type="radio"
                name="conversion"
                checked={conversion === 'custom_event'}
                onChange={() => setConversion('custom_event')}
              />
              On a custom event
            </label>
          </div>
          {conversion === 'custom_event' ? (
            <div className="field">
              <label htmlFor="conversion-event">Event name</label>
              <input id="conversion-event" value={eventName} onChange={(event) => setEventName(event.target.value)} />
            </div>
          ) : null}
        </fieldset>
        <ReferralRewardFields settings={reward} onChange={setReward} choices={rewardCampaigns} />
        <RefereeRewardFields settings={refereeReward} onChange={setRefereeReward} choices={rewardCampaigns} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create campaign'}
        </button>
      </form>
      <div className="preview-stack">
        <CodePreviewPanel config={toPreviewConfig(codes)} count={0} problems={codeProblems} />
        <DiscountPreview discounts={[{ key: 0, label: 'Referee', settings: discount }]} />
      </div>
    </div>
  );
}
