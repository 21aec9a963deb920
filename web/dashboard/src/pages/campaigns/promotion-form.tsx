import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import type { PromotionTierInput } from '../../api/campaign-api';
import { createCampaign } from '../../api/campaign-api';
import { type FormProblem, problemAt } from '../../components/form-problem';
import { DiscountPreview } from './discount-preview';
import { goToCampaign } from './go-to-campaign';
import { checkCampaignName, NewCampaignForm } from './new-campaign-form';
import { PromotionTierFields, type TierSettings, tierFieldId } from './promotion-tier-fields';
import { EMPTY_DISCOUNT, readDiscount } from './read-discount';

const MAX_TIERS = 10;

function createTier(key: number): TierSettings {
  return { key, name: '', banner: '', discount: EMPTY_DISCOUNT, ruleId: '' };
}

function readTiers(tiers: readonly TierSettings[]): { tiers: PromotionTierInput[]; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const read: PromotionTierInput[] = [];
  for (const [index, tier] of tiers.entries()) {
    const label = `Tier ${index + 1}`;
    const field = (part: string) => tierFieldId(tier.key, part);
    if (tier.name.trim() === '') problems.push(problemAt(field('name'), `${label}: enter a name.`));
    if (tier.banner.trim() === '') problems.push(problemAt(field('banner'), `${label}: enter a banner text.`));
    const reading = readDiscount(tier.discount, field('discount'));
    if (!reading.ok) {
      problems.push({ ...reading.problem, message: `${label}: ${reading.problem.message}` });
      continue;
    }
    read.push({
      name: tier.name.trim(),
      banner: tier.banner.trim(),
      action: { discount: reading.value },
      ...(tier.ruleId ? { validation_rules: [tier.ruleId] } : {}),
    });
  }
  return { tiers: read, problems };
}

/** A promotion: cart-level discounts in tiers, applied without codes when a cart qualifies. */
export function PromotionForm() {
  const [name, setName] = useState('');
  const [tiers, setTiers] = useState<TierSettings[]>([createTier(1)]);
  const [nextKey, setNextKey] = useState(2);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const changeTier = (changed: TierSettings) =>
    setTiers((current) => current.map((tier) => (tier.key === changed.key ? changed : tier)));
  const addTier = () => {
    setTiers((current) => [...current, createTier(nextKey)]);
    setNextKey((key) => key + 1);
  };
  const removeTier = (key: number) => setTiers((current) => current.filter((tier) => tier.key !== key));

  const submitCampaign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readTiers(tiers);
    const found = [...checkCampaignName(name), ...read.problems];
    setProblems(found);
    setError(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const campaign = await createCampaign({
        name: name.trim(),
        campaign_type: 'PROMOTION',
        promotion: { tiers: read.tiers },
      });
      goToCampaign(campaign, 0);
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
        action="creating the promotion"
        error={error}
        name={name}
        onNameChange={setName}
      >
        {tiers.map((tier, index) => (
          <PromotionTierFields
            key={tier.key}
            tier={tier}
            position={index + 1}
            onChange={changeTier}
            onRemove={tiers.length > 1 ? () => removeTier(tier.key) : undefined}
          />
        ))}
        <div className="form-buttons">
          <button type="button" className="button" onClick={addTier} disabled={tiers.length >= MAX_TIERS}>
            Add a tier
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create campaign'}
          </button>
        </div>
      </NewCampaignForm>
      <div className="preview-stack">
        <DiscountPreview
          discounts={tiers.map((tier, index) => ({
            key: tier.key,
            label: tier.name.trim() || `Tier ${index + 1}`,
            settings: tier.discount,
          }))}
        />
      </div>
    </div>
  );
}
