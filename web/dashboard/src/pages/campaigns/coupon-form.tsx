import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { createCouponCampaign } from '../../api/campaign-api';
import type { FormProblem } from '../../components/form-problem';
import { CodePreviewPanel } from '../code-preview-panel';
import { checkCodeSettings, INITIAL_CODE_SETTINGS, toCodeConfig } from '../code-settings';
import { CodeSettingsFields } from '../code-settings-fields';
import { DiscountFields, type DiscountSettings } from '../discount-fields';
import { checkCodesAndCount, toPreviewConfig } from './code-count';
import { DiscountPreview } from './discount-preview';
import { assignNewCampaignRule, goToCampaign } from './go-to-campaign';
import { CountField, checkCampaignName, NewCampaignForm } from './new-campaign-form';
import { readDiscount } from './read-discount';
import { RuleSelect } from './rule-select';

const COUNT_FIELD = 'codes-count';

/** Discount coupons: generated codes that each give the same discount. */
export function CouponForm() {
  const [name, setName] = useState('');
  const [countText, setCountText] = useState('10');
  const [codes, setCodes] = useState(INITIAL_CODE_SETTINGS);
  const [discount, setDiscount] = useState<DiscountSettings>({ kind: 'PERCENT', percentOff: '', amountOff: '' });
  const [ruleId, setRuleId] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const count = Number(countText);

  const submitCampaign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reading = readDiscount(discount);
    const found = [
      ...checkCampaignName(name),
      ...checkCodesAndCount(codes, count, 'codes', COUNT_FIELD),
      ...(reading.ok ? [] : [reading.problem]),
    ];
    setProblems(found);
    setError(null);
    if (found.length > 0 || !reading.ok) return;
    setBusy(true);
    try {
      const campaign = await createCouponCampaign({
        name: name.trim(),
        vouchers_count: count,
        discount: reading.value,
        code_config: toCodeConfig(codes),
      });
      // A campaign takes rules by assignment once it exists; its codes follow the campaign's rules.
      // The campaign exists whatever the assignment answers, so its page is where to go on from.
      const warning = ruleId ? await assignNewCampaignRule(ruleId, campaign.id) : undefined;
      goToCampaign(campaign, count, warning);
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
        action="creating the campaign"
        error={error}
        name={name}
        onNameChange={setName}
      >
        <CodeSettingsFields settings={codes} onChange={setCodes} />
        <CountField id={COUNT_FIELD} label="Number of codes" value={countText} onChange={setCountText} />
        <DiscountFields settings={discount} onChange={setDiscount} />
        <RuleSelect id="coupon-rule" label="Validation rule (optional)" value={ruleId} onChange={setRuleId} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create campaign'}
        </button>
      </NewCampaignForm>
      <div className="preview-stack">
        <CodePreviewPanel
          config={toPreviewConfig(codes)}
          count={Number.isSafeInteger(count) ? count : 0}
          problems={checkCodeSettings(codes)}
        />
        <DiscountPreview discounts={[{ key: 0, label: 'Each code', settings: discount }]} />
      </div>
    </div>
  );
}
