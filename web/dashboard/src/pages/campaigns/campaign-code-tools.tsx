import { type FormEvent, useState } from 'react';
import { ApiError, toApiError } from '../../api/api-error';
import type { AsyncAction } from '../../api/api-types';
import { addCampaignCodes, importCampaignCsv } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { useAsyncAction } from './use-async-action';

interface CampaignCodeToolsProps {
  campaignId: string;
  /** Called when codes were added, so the page loads its codes and counts again. */
  onChanged: () => void;
}

/** A problem found before anything is sent, shown as the server's errors are. */
function refusedHere(message: string): ApiError {
  return new ApiError(0, { key: 'invalid_form', message });
}

interface Running {
  actionId: string;
  label: string;
}

/** Adds generated codes to a campaign, or imports codes from a CSV file (column Code), and shows how far it is. */
export function CampaignCodeTools({ campaignId, onChanged }: CampaignCodeToolsProps) {
  const [countText, setCountText] = useState('10');
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = (action: AsyncAction) => {
    setRunning(null);
    setBusy(false);
    setNote(action.result?.message ?? (action.status === 'DONE' ? 'Done.' : 'It failed.'));
    onChanged();
  };
  const { progress } = useAsyncAction(running?.actionId ?? null, finish);

  const start = async (label: string, send: () => Promise<{ async_action_id: string } | { code: string }>) => {
    setBusy(true);
    setError(null);
    setNote('');
    try {
      const answer = await send();
      if ('async_action_id' in answer) return setRunning({ actionId: answer.async_action_id, label });
      // One code is added at once, without an action.
      setBusy(false);
      setNote(`Code ${answer.code} added.`);
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const submitAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const count = Number(countText);
    if (!Number.isSafeInteger(count) || count < 1) {
      return setError(refusedHere('Number of codes to add must be a whole number from 1.'));
    }
    void start('Adding codes', () => addCampaignCodes(campaignId, count));
  };

  const submitImport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setError(refusedHere('Choose a CSV file first.'));
    void start('Importing codes', () => importCampaignCsv(campaignId, file));
  };

  return (
    <section aria-labelledby="code-tools-heading" className="code-tools">
      <h2 id="code-tools-heading">Add codes</h2>
      <div className="code-tools-forms">
        <form className="inline-form" onSubmit={submitAdd}>
          <div className="field">
            <label htmlFor="add-codes-count">Number of codes to add</label>
            <input
              id="add-codes-count"
              type="number"
              min={1}
              step={1}
              value={countText}
              onChange={(event) => setCountText(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Add codes
          </button>
        </form>
        <form className="inline-form" onSubmit={submitImport}>
          <div className="field">
            <label htmlFor="import-csv-file">CSV file of codes</label>
            <input
              id="import-csv-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="import-csv-help"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <p id="import-csv-help" className="help">
              A header row with a Code column; Category, Active and Redeemed Quantity are read too.
            </p>
          </div>
          <button type="submit" className="button" disabled={busy}>
            Import codes from CSV
          </button>
        </form>
      </div>
      {running ? <ProgressBar label={running.label} percent={progress} /> : null}
      <ErrorMessage error={error} takeFocus />
      <p role="status" className="code-tools-note">
        {note}
      </p>
    </section>
  );
}
