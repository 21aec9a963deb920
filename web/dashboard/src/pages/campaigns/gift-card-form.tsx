import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { createCampaign } from '../../api/campaign-api';
import { useFieldProblem } from '../../components/field-problems';
import { type FormProblem, problemAt } from '../../components/form-problem';
import { formatMoney, parseMoney } from '../../lib/format';
import { CodePreviewPanel } from '../code-preview-panel';
import { checkCodeSettings, INITIAL_CODE_SETTINGS, toCodeConfig } from '../code-settings';
import { CodeSettingsFields } from '../code-settings-fields';
import { checkCodesAndCount, toPreviewConfig } from './code-count';
import { assignNewCampaignRule, goToCampaign } from './go-to-campaign';
import { CountField, checkCampaignName, NewCampaignForm } from './new-campaign-form';
import { RuleSelect } from './rule-select';

const AMOUNT_FIELD = 'card-amount';

function CardAmountField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const amountProblem = useFieldProblem(AMOUNT_FIELD, `${AMOUNT_FIELD}-help`);
  return (
    <div className="field">
      <label htmlFor={AMOUNT_FIELD}>Amount on each card</label>
      <input
        id={AMOUNT_FIELD}
        required
        inputMode="decimal"
        placeholder="50.00"
        {...amountProblem}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${AMOUNT_FIELD}-help`} className="help">
        In the shop's currency, e.g. 50.00.
      </p>
    </div>
  );
}

/** Gift cards: generated codes that each hold the same credit, spent over one or more orders. */
export function GiftCardForm() {
  const [name, setName] = useState('');
  const [countText, setCountText] = useState('10');
  const [amountText, setAmountText] = useState('');
  const [codes, setCodes] = useState(INITIAL_CODE_SETTINGS);
  const [ruleId, setRuleId] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const count = Number(countText);
  const amount = parseMoney(amountText);

  const submitCampaign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = [...checkCampaignName(name), ...checkCodesAndCount(codes, count, 'cards', 'cards-count')];
    if (amount === null || amount <= 0) {
      found.push(problemAt(AMOUNT_FIELD, 'The amount must be a positive amount like 50.00.'));
    }
    setProblems(found);
    setError(null);
    if (found.length > 0 || amount === null) return;
    setBusy(true);
    try {
      const campaign = await createCampaign({
        name: name.trim(),
        campaign_type: 'GIFT_VOUCHERS',
        type: 'AUTO_UPDATE',
        vouchers_count: count,
        voucher: { type: 'GIFT_VOUCHER', gift: { amount }, code_config: toCodeConfig(codes) },
      });
      const warning = ruleId ? await assignNewCampaignRule(ruleId, campaign.id) : undefined;
      goToCampaign(campaign, count, warning);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const total = amount !== null && Number.isSafeInteger(count) && count > 0 ? amount * count : null;

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
        <div className="field-row">
          <CountField id="cards-count" label="Number of cards" value={countText} onChange={setCountText} />
          <CardAmountField value={amountText} onChange={setAmountText} />
        </div>
        <RuleSelect id="gift-rule" label="Validation rule (optional)" value={ruleId} onChange={setRuleId} />
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
        <section className="card preview" aria-labelledby="credit-preview-heading">
          <h2 id="credit-preview-heading">Credit preview</h2>
          <p aria-live="polite">
            {total === null
              ? 'Enter the number of cards and an amount to see the credit handed out.'
              : `${count} cards of ${formatMoney(amount)}: ${formatMoney(total)} of credit in all.`}
          </p>
        </section>
      </div>
    </div>
  );
}
