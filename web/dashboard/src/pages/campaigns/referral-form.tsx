import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { createCampaign } from '../../api/campaign-api';
import { useFieldProblem } from '../../components/field-problems';
import { type FieldReading, type FormProblem, problemAt, refuseAt } from '../../components/form-problem';
import { parseMoney } from '../../lib/format';
import { CodePreviewPanel } from '../code-preview-panel';
import { checkCodeSettings, INITIAL_CODE_SETTINGS, toCodeConfig } from '../code-settings';
import { CodeSettingsFields } from '../code-settings-fields';
import { toPreviewConfig } from './code-count';
import { DiscountChoice } from './discount-choice';
import { DiscountPreview } from './discount-preview';
import { assignNewCampaignRule, goToCampaign } from './go-to-campaign';
import { checkCampaignName, NewCampaignForm } from './new-campaign-form';
import type { DiscountSettings } from './read-discount';
import { EMPTY_DISCOUNT, readDiscount } from './read-discount';
import {
  NO_REWARD,
  RefereeRewardFields,
  ReferralRewardFields,
  type RewardSettings,
  useRewardCampaigns,
} from './referral-reward-fields';
import { RuleSelect } from './rule-select';

type Conversion = 'redemption' | 'custom_event';

/** A reward as `referral_program` holds it; null for none. */
type Reward = Record<string, unknown> | null;

const EVENT_FIELD = 'conversion-event';
const REFEREE_DISCOUNT = 'referee';

/** The referrer's reward as `referral_program.referrer_reward`, or what is wrong with it. */
function readReward(reward: RewardSettings): FieldReading<Reward> {
  if (!reward.campaignId) return { ok: true, value: null };
  const parent = { id: reward.campaignId, object: 'CAMPAIGN' };
  if (reward.campaignType !== 'GIFT_VOUCHERS') {
    return { ok: true, value: { type: 'DISCOUNT_VOUCHER', related_object_parent: parent } };
  }
  const amount = parseMoney(reward.amount);
  if (amount === null || amount <= 0) {
    return refuseAt('reward-amount', 'Credit per referral must be a positive amount like 5.00.');
  }
  return { ok: true, value: { type: 'GIFT_VOUCHER', related_object_parent: parent, amount } };
}

/** The referee's credit as `referral_program.referee_reward` (a gift card campaign only), or what is wrong with it. */
function readRefereeReward(reward: RewardSettings): FieldReading<Reward> {
  if (!reward.campaignId) return { ok: true, value: null };
  const amount = parseMoney(reward.amount);
  if (amount === null || amount <= 0) {
    return refuseAt('referee-reward-amount', 'Credit for the referee must be a positive amount like 5.00.');
  }
  const parent = { id: reward.campaignId, object: 'CAMPAIGN' };
  return { ok: true, value: { type: 'GIFT_VOUCHER', related_object_parent: parent, amount } };
}

function EventNameField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const eventProblem = useFieldProblem(EVENT_FIELD);
  return (
    <div className="field">
      <label htmlFor={EVENT_FIELD}>Event name</label>
      <input id={EVENT_FIELD} {...eventProblem} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/**
 * A referral program: each referrer gets a code to share; the referee's order gets a discount, and
 * when the referral counts the referrer (and, if chosen, the referee) gets a reward.
 */
export function ReferralForm() {
  const [name, setName] = useState('');
  const [codes, setCodes] = useState(INITIAL_CODE_SETTINGS);
  const [ruleId, setRuleId] = useState('');
  const [discount, setDiscount] = useState<DiscountSettings>(EMPTY_DISCOUNT);
  const [conversion, setConversion] = useState<Conversion>('redemption');
  const [eventName, setEventName] = useState('');
  const [reward, setReward] = useState<RewardSettings>(NO_REWARD);
  const [refereeReward, setRefereeReward] = useState<RewardSettings>(NO_REWARD);
  const rewardCampaigns = useRewardCampaigns();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const codeProblems = checkCodeSettings(codes);

  const submitCampaign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = [...checkCampaignName(name), ...codeProblems];
    const refereeDiscount = readDiscount(discount, REFEREE_DISCOUNT);
    if (!refereeDiscount.ok) {
      found.push({ ...refereeDiscount.problem, message: `Referee's discount: ${refereeDiscount.problem.message}` });
    }
    if (conversion === 'custom_event' && eventName.trim() === '') {
      found.push(problemAt(EVENT_FIELD, 'Enter the name of the converting event.'));
    }
    const referrerReward = readReward(reward);
    if (!referrerReward.ok) found.push(referrerReward.problem);
    const refereeCredit = readRefereeReward(refereeReward);
    if (!refereeCredit.ok) found.push(refereeCredit.problem);
    setProblems(found);
    setError(null);
    if (found.length > 0 || !refereeDiscount.ok || !referrerReward.ok || !refereeCredit.ok) return;
    setBusy(true);
    try {
      const campaign = await createCampaign({
        name: name.trim(),
        campaign_type: 'REFERRAL_PROGRAM',
        // Codes are made one per referrer as they are published, so none are generated now.
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: refereeDiscount.value, code_config: toCodeConfig(codes) },
        referral_program: {
          conversion_event_type: conversion,
          ...(conversion === 'custom_event' ? { custom_event: { name: eventName.trim() } } : {}),
          ...(referrerReward.value ? { referrer_reward: referrerReward.value } : {}),
          ...(refereeCredit.value ? { referee_reward: refereeCredit.value } : {}),
        },
      });
      const warning = ruleId ? await assignNewCampaignRule(ruleId, campaign.id) : undefined;
      goToCampaign(campaign, 0, warning);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="form-layout">
      <NewCampaignForm
        onSubmit={submitCampaign}
        problems={problems}
        action="creating the referral program"
        error={error}
        name={name}
        onNameChange={setName}
      >
        <CodeSettingsFields settings={codes} onChange={setCodes} />
        <div className="fieldset">
          <DiscountChoice
            idPrefix={REFEREE_DISCOUNT}
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
          {conversion === 'custom_event' ? <EventNameField value={eventName} onChange={setEventName} /> : null}
        </fieldset>
        <RuleSelect
          id="referral-rule"
          label="Validation rule for the shared codes (optional)"
          value={ruleId}
          onChange={setRuleId}
        />
        <ReferralRewardFields settings={reward} onChange={setReward} choices={rewardCampaigns} />
        <RefereeRewardFields settings={refereeReward} onChange={setRefereeReward} choices={rewardCampaigns} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create campaign'}
        </button>
      </NewCampaignForm>
      <div className="preview-stack">
        <CodePreviewPanel config={toPreviewConfig(codes)} count={0} problems={codeProblems} />
        <DiscountPreview discounts={[{ key: 0, label: 'Referee', settings: discount }]} />
      </div>
    </div>
  );
}
