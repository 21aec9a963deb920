import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import type { Campaign } from '../../api/api-types';
import { type CampaignChanges, updateCampaign } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';

interface CampaignEditFormProps {
  campaign: Campaign;
  onSaved: (notice: string) => void;
  onCancel: () => void;
}

/** A timestamp for a `datetime-local` input, to the minute, in UTC as the server keeps it. */
function toMinuteInput(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16) : '';
}

function fromMinuteInput(minute: string): string | null {
  return minute === '' ? null : `${minute}:00.000Z`;
}

/**
 * Only what the marketer changed: a field sent unchanged could undo what happened since the form
 * opened (the campaign disabled from its page) or round a time the form shows to the minute.
 */
function collectChanges(
  campaign: Campaign,
  fields: { description: string; start: string; expiration: string },
): CampaignChanges {
  const changes: CampaignChanges = {};
  const description = fields.description.trim() === '' ? null : fields.description.trim();
  if (description !== (campaign.description ?? null)) changes.description = description;
  if (fields.start !== toMinuteInput(campaign.start_date)) changes.start_date = fromMinuteInput(fields.start);
  if (fields.expiration !== toMinuteInput(campaign.expiration_date)) {
    changes.expiration_date = fromMinuteInput(fields.expiration);
  }
  return changes;
}

/**
 * Description and dates, saved with `PUT /v1/campaigns/{id}`. Not its name: Voucherify's update has
 * none, a campaign's name is how codes and publications name it; not whether it is active: the
 * page's own Enable/Disable button does that at once.
 */
export function CampaignEditForm({ campaign, onSaved, onCancel }: CampaignEditFormProps) {
  const [description, setDescription] = useState(campaign.description ?? '');
  const [start, setStart] = useState(toMinuteInput(campaign.start_date));
  const [expiration, setExpiration] = useState(toMinuteInput(campaign.expiration_date));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submitChanges = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes = collectChanges(campaign, { description, start, expiration });
    if (Object.keys(changes).length === 0) return onSaved('Nothing was changed.');
    setBusy(true);
    setError(null);
    try {
      await updateCampaign(campaign.id, changes);
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
          <div className="field">
            <label htmlFor="edit-start">Starts at (UTC)</label>
            <input
              id="edit-start"
              type="datetime-local"
              value={start}
              onChange={(event) => setStart(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="edit-expiration">Expires at (UTC)</label>
            <input
              id="edit-expiration"
              type="datetime-local"
              value={expiration}
              onChange={(event) => setExpiration(event.target.value)}
            />
          </div>
        </div>
        <p className="help">Empty means no start or no end.</p>
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
