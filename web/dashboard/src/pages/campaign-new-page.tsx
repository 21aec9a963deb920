import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import type { Discount } from '../api/api-types';
import { createCouponCampaign } from '../api/campaign-api';
import { ErrorMessage } from '../components/error-message';
import { PageHeader } from '../components/page-header';
import { computeKeyspaceSize, formatBigCount, KEYSPACE_HEADROOM } from '../lib/code-preview';
import { parseMoney } from '../lib/format';
import { useDocumentTitle } from '../lib/use-document-title';
import { buildPath, Link } from '../router/link';
import { navigate } from '../router/router';
import type { GenerationState } from './campaign-generation';
import { CodePreviewPanel } from './code-preview-panel';
import { checkCodeSettings, INITIAL_CODE_SETTINGS, resolveCharset, toCodeConfig } from './code-settings';
import { CodeSettingsFields } from './code-settings-fields';
import { DiscountFields, type DiscountSettings } from './discount-fields';

function readDiscount(settings: DiscountSettings): Discount | string {
  if (settings.kind === 'PERCENT') {
    const percent = Number(settings.percentOff);
    if (settings.percentOff.trim() === '' || !(percent > 0 && percent <= 100)) {
      return 'Percent off must be more than 0 and at most 100.';
    }
    return { type: 'PERCENT', percent_off: percent };
  }
  const amount = parseMoney(settings.amountOff);
  if (amount === null || amount <= 0) return 'Amount off must be a positive amount like 10.00.';
  return { type: 'AMOUNT', amount_off: amount };
}

export function CampaignNewPage() {
  useDocumentTitle('New coupon campaign');
  const [name, setName] = useState('');
  const [countText, setCountText] = useState('10');
  const [codes, setCodes] = useState(INITIAL_CODE_SETTINGS);
  const [discount, setDiscount] = useState<DiscountSettings>({ kind: 'PERCENT', percentOff: '', amountOff: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const count = Number(countText);
  const codeProblems = checkCodeSettings(codes);
  const previewConfig = { ...toCodeConfig(codes), charset: resolveCharset(codes) };

  const submitCampaign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = [...codeProblems];
    if (name.trim() === '') found.push('Enter a name.');
    if (!Number.isSafeInteger(count) || count < 1) found.push('Number of codes must be a whole number from 1.');
    else if (codeProblems.length === 0 && computeKeyspaceSize(previewConfig) < KEYSPACE_HEADROOM * BigInt(count)) {
      found.push(`${formatBigCount(BigInt(count))} codes need more possible codes: add more # or characters.`);
    }
    const discountOrProblem = readDiscount(discount);
    if (typeof discountOrProblem === 'string') found.push(discountOrProblem);
    setProblems(found);
    setError(null);
    if (found.length > 0 || typeof discountOrProblem === 'string') return;
    setBusy(true);
    try {
      const campaign = await createCouponCampaign({
        name: name.trim(),
        vouchers_count: count,
        discount: discountOrProblem,
        code_config: toCodeConfig(codes),
      });
      // The campaign page shows generation progress; it needs the count asked for to show how far it is.
      const generation: GenerationState = { requested: count, asyncActionId: campaign.async_action_id ?? null };
      navigate(buildPath('campaigns', campaign.id), { state: generation });
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="New coupon campaign" back={<Link to="/campaigns">← Campaigns</Link>} />
      <div className="form-layout">
        <form className="form" onSubmit={submitCampaign} noValidate>
          {problems.length > 0 ? (
            <div className="error" role="alert">
              <p className="error-message">Please fix these before creating the campaign:</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ErrorMessage error={error} />
          <div className="field">
            <label htmlFor="campaign-name">Name</label>
            <input id="campaign-name" required value={name} onChange={(event) => setName(event.target.value)} />
          </div>
          <CodeSettingsFields settings={codes} onChange={setCodes} />
          <div className="field">
            <label htmlFor="codes-count">Number of codes</label>
            <input
              id="codes-count"
              type="number"
              min={1}
              step={1}
              required
              value={countText}
              onChange={(event) => setCountText(event.target.value)}
            />
          </div>
          <DiscountFields settings={discount} onChange={setDiscount} />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create campaign'}
          </button>
        </form>
        <CodePreviewPanel
          config={previewConfig}
          count={Number.isSafeInteger(count) ? count : 0}
          problems={codeProblems}
        />
      </div>
    </>
  );
}
