import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import type { Campaign } from '../../api/api-types';
import { updateCampaign } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';

interface CampaignEditFormProps {
  campaign: Campaign;
  onSaved: (notice: string) => void;
  onCancel: () => void;
}

/** The day of a timestamp for a date input; dates are kept in UTC as the server keeps them. */
function toDateInput(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** A start date begins its day, an expiration date ends it, so a one-day campaign lasts the whole day. */
function fromDateInput(day: string, end: boolean): string | null {
  if (day === '') return null;
  return `${day}T${end ? '23:59:59.000' : '00:00:00.000'}Z`;
}

/**
 * Description, dates and whether the campaign is active, saved with `PUT /v1/campaigns/{id}`. Not its
 * name: Voucherify's update has none, a campaign's name is how codes and publications name it.
 */
export function CampaignEditForm({ campaign, onSaved, onCancel }: CampaignEditFormProps) {
  const [description, setDescription] = useState(campaign.description ?? '');
  const [start, setStart] = useState(toDateInput(campaign.start_date));
  const [expiration, setExpiration] = useState(toDateInput(campaign.expiration_date));
  const [active, setActive] = useState(campaign.active);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submitChanges = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await updateCampaign(campaign.id, {
        description: description.trim() === '' ? null : description.trim(),
        start_date: fromDateInput(start, false),
        expiration_date: fromDateInput(expiration, true),
        active,
      });
      onSaved('Changes saved.');
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="edit-heading" className="card campaign-edit">
      <h2 id="edit-heading">Edit campaign</h2>
      <form className="form" onSubmit={submitChanges}>
        <ErrorMessage error={error} />

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
          <div className="field">
            <label htmlFor="edit-start">Starts on</label>
            <input id="edit-start" type="date" value={start} onChange={(event) => setStart(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="edit-expiration">Expires after</label>
            <input
              id="edit-expiration"
              type="date"
              value={expiration}
              onChange={(event) => setExpiration(event.target.value)}
            />
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          Active
        </label>
        <div className="form-buttons">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
