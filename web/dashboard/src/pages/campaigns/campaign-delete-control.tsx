import { useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import type { Campaign } from '../../api/api-types';
import { deleteCampaign } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { navigate } from '../../router/router';
import { useAsyncAction } from './use-async-action';

interface CampaignDeleteControlProps {
  campaign: Campaign;
  onCancel: () => void;
}

/**
 * Asks before deleting a campaign and its codes for good (`force=true`), then follows the server's
 * async action so the list it goes back to no longer shows the campaign.
 */
export function CampaignDeleteControl({ campaign, onCancel }: CampaignDeleteControlProps) {
  const [actionId, setActionId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { progress } = useAsyncAction(actionId, () => navigate('/campaigns'));

  const confirmDelete = async () => {
    setBusy(true);
    setError(null);
    try {
      setActionId((await deleteCampaign(campaign.id)).async_action_id);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-heading" className="card danger-zone">
      <h2 id="delete-heading">Delete campaign</h2>
      <p>
        Delete <strong>{campaign.name}</strong> and its {campaign.vouchers_count} codes for good? This cannot be undone.
      </p>
      <ErrorMessage error={error} takeFocus />
      {actionId ? <ProgressBar label="Deleting campaign" percent={progress} /> : null}
      <div className="form-buttons">
        <button type="button" className="button danger" onClick={confirmDelete} disabled={busy}>
          Delete for good
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Keep the campaign
        </button>
      </div>
    </section>
  );
}
