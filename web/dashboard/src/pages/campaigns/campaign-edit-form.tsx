import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import type { Campaign } from '../../api/api-types';
import { type CampaignChanges, updateCampaign } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { FieldProblemsProvider, useFieldProblem } from '../../components/field-problems';
import type { FormProblem } from '../../components/form-problem';
import { LoadingNote } from '../../components/loading-note';
import { ProblemSummary } from '../../components/problem-summary';
import { fromZonedMinute, toZonedMinute } from '../../lib/zoned-minute';
import { useCurrentProject } from '../insights/use-current-project';
import { DiscountChoice } from './discount-choice';
import { hasEditableOffer, readUsesPerCode, toDiscountSettings, toUsesText } from './editable-offer';
import { type DiscountSettings, readDiscount } from './read-discount';

interface CampaignEditFormProps {
  campaign: Campaign;
  onSaved: (notice: string) => void;
  onCancel: () => void;
}

const DISCOUNT_FIELDS = 'edit-discount';
const USES_FIELD = 'edit-uses';

interface EditFields {
  description: string;
  start: string;
  expiration: string;
  /** Null when the form does not offer the campaign's discount (see toDiscountSettings). */
  discount: DiscountSettings | null;
  uses: string;
}

/**
 * Only what the marketer changed, or what is wrong with it: a field sent unchanged could undo what
 * happened since the form opened (the campaign disabled from its page) or round a time the form
 * shows to the minute.
 */
function collectChanges(
  campaign: Campaign,
  fields: EditFields,
  timezone: string,
): { changes: CampaignChanges; problems: FormProblem[] } {
  const changes: CampaignChanges = {};
  const problems: FormProblem[] = [];
  const description = fields.description.trim() === '' ? null : fields.description.trim();
  if (description !== (campaign.description ?? null)) changes.description = description;
  if (fields.start !== toZonedMinute(campaign.start_date, timezone)) {
    changes.start_date = fromZonedMinute(fields.start, timezone);
  }
  if (fields.expiration !== toZonedMinute(campaign.expiration_date, timezone)) {
    changes.expiration_date = fromZonedMinute(fields.expiration, timezone);
  }
  const original = toDiscountSettings(campaign.voucher?.discount);
  if (fields.discount && JSON.stringify(fields.discount) !== JSON.stringify(original)) {
    const reading = readDiscount(fields.discount, DISCOUNT_FIELDS);
    if (reading.ok) changes.discount = reading.value;
    else problems.push(reading.problem);
  }
  if (hasEditableOffer(campaign) && fields.uses !== toUsesText(campaign.voucher?.redemption?.quantity)) {
    const uses = readUsesPerCode(fields.uses, USES_FIELD);
    if (uses.ok) changes.voucher = { redemption: { quantity: uses.value } };
    else problems.push(uses.problem);
  }
  return { changes, problems };
}

interface MinuteFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A date and time to the minute on the project's clock, as `toZonedMinute` writes it; empty for none. */
function MinuteField({ id, label, value, onChange }: MinuteFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function UsesPerCodeField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const usesProblem = useFieldProblem(USES_FIELD, `${USES_FIELD}-help`);
  return (
    <div className="field">
      <label htmlFor={USES_FIELD}>Uses per code</label>
      <input
        id={USES_FIELD}
        type="number"
        min={1}
        step={1}
        {...usesProblem}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${USES_FIELD}-help`} className="help">
        Blank for unlimited. Every code of the campaign follows at once.
      </p>
    </div>
  );
}

/**
 * Description, dates, and for coupons (and a referral program's shared codes) the discount and uses
 * per code, saved with `PUT /v1/campaigns/{id}`; every code follows. Not its name: Voucherify's
 * update has none, a campaign's name is how codes and publications name it; not whether it is
 * active: the page's own Enable/Disable button does that at once.
 */
export function CampaignEditForm(props: CampaignEditFormProps) {
  const { current, error } = useCurrentProject();
  if (!current) {
    return (
      <section aria-labelledby="edit-heading" className="card campaign-edit">
        <h2 id="edit-heading">Edit campaign</h2>
        <ErrorMessage error={error} />
        <LoadingNote loading={!error} />
      </section>
    );
  }
  return <CampaignEditFields {...props} timezone={current.project.timezone} />;
}

/** The form itself, once the project's timezone (the clock its times are on) is known. */
function CampaignEditFields({ campaign, onSaved, onCancel, timezone }: CampaignEditFormProps & { timezone: string }) {
  const [description, setDescription] = useState(campaign.description ?? '');
  const [start, setStart] = useState(toZonedMinute(campaign.start_date, timezone));
  const [expiration, setExpiration] = useState(toZonedMinute(campaign.expiration_date, timezone));
  const offered = hasEditableOffer(campaign);
  const [discount, setDiscount] = useState(offered ? toDiscountSettings(campaign.voucher?.discount) : null);
  const [uses, setUses] = useState(toUsesText(campaign.voucher?.redemption?.quantity));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submitChanges = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const collected = collectChanges(campaign, { description, start, expiration, discount, uses }, timezone);
    setProblems(collected.problems);
    setError(null);
    if (collected.problems.length > 0) return;
    if (Object.keys(collected.changes).length === 0) return onSaved('Nothing was changed.');
    setBusy(true);
    try {
      await updateCampaign(campaign.id, collected.changes);
      onSaved('Changes saved.');
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="edit-heading" className="card campaign-edit">
      <h2 id="edit-heading">Edit campaign</h2>
      <form className="form" onSubmit={submitChanges} noValidate>
        <FieldProblemsProvider problems={problems}>
          <ProblemSummary intro="Please fix these before saving:" problems={problems} />
          <ErrorMessage error={error} takeFocus />
          <div className="field">
            <label htmlFor="edit-description">Description</label>
            <textarea
              id="edit-description"
              rows={3}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <div className="field-row">
            <MinuteField id="edit-start" label={`Starts at (${timezone})`} value={start} onChange={setStart} />
            <MinuteField
              id="edit-expiration"
              label={`Expires at (${timezone})`}
              value={expiration}
              onChange={setExpiration}
            />
          </div>
          <p className="help">Empty means no start or no end.</p>
          {discount ? (
            <DiscountChoice
              idPrefix={DISCOUNT_FIELDS}
              legend="Discount of every code"
              settings={discount}
              onChange={setDiscount}
            />
          ) : null}
          {offered && !discount ? (
            <p className="help">This campaign's discount is changed through the API: the form cannot show it whole.</p>
          ) : null}
          {offered ? <UsesPerCodeField value={uses} onChange={setUses} /> : null}
          <div className="form-buttons">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </FieldProblemsProvider>
      </form>
    </section>
  );
}
