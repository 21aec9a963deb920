import { useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { createCampaignCodeExport, downloadExportFile, waitForExport } from '../../api/export-api';
import { ErrorMessage } from '../../components/error-message';

interface CampaignCodeExportProps {
  campaignId: string;
  campaignName: string;
}

interface ReadyFile {
  /** An object URL of the downloaded CSV, revoked when replaced or when the page goes. */
  url: string;
  name: string;
  codes: number;
}

/** The records of a CSV text: line ends outside quoted cells, plus an unterminated last line. */
function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let open = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === '\n' && !quoted) {
      records += 1;
      open = false;
    } else if (char !== '\r') {
      open = true;
    }
  }
  return records + (open ? 1 : 0);
}

/** e.g. `autumn-flyer-codes-2026-11-26.csv`: the campaign's name, kept to letters and digits. */
function fileNameFor(campaignName: string): string {
  const slug = campaignName
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'campaign'}-codes-${new Date().toISOString().slice(0, 10)}.csv`;
}

function describeCount(codes: number): string {
  return codes === 1 ? '1 code' : `${codes} codes`;
}

/**
 * Exports the campaign's codes as a CSV file: creates a voucher export of this campaign, waits
 * until it is DONE, fetches the file with the session (a plain link to the API could not send the
 * dashboard's headers) and offers it as a download link to a local copy.
 */
export function CampaignCodeExport({ campaignId, campaignName }: CampaignCodeExportProps) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [file, setFile] = useState<ReadyFile | null>(null);
  const running = useRef<AbortController | null>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => () => running.current?.abort(), []);
  useEffect(() => {
    if (!file) return;
    // The button was disabled while the file was made, which drops focus: it goes to the new link.
    linkRef.current?.focus();
    return () => URL.revokeObjectURL(file.url);
  }, [file]);

  const startExport = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setError(null);
    setFile(null);
    setNote('Preparing the export…');
    try {
      const done = await waitForExport(await createCampaignCodeExport(campaignId), controller.signal);
      if (!done) return;
      const blob = await downloadExportFile(done);
      const codes = Math.max(0, countCsvRecords(await blob.text()) - 1);
      if (controller.signal.aborted) return;
      setFile({ url: URL.createObjectURL(blob), name: fileNameFor(campaignName), codes });
      setNote(`The export is ready: ${describeCount(codes)}.`);
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(toApiError(caught));
      setNote('');
    } finally {
      if (!controller.signal.aborted) setBusy(false);
    }
  };

  return (
    <section aria-labelledby="code-export-heading" className="code-export">
      <h2 id="code-export-heading">Export codes</h2>
      <p id="code-export-help" className="help">
        A CSV file of this campaign's codes as they are now: code, type, value, active, uses and dates.
      </p>
      <div className="code-export-actions">
        <button
          type="button"
          className="button"
          aria-describedby="code-export-help"
          disabled={busy}
          onClick={() => void startExport()}
        >
          {busy ? 'Exporting…' : 'Export codes (CSV)'}
        </button>
        {file ? (
          <a ref={linkRef} className="button primary" href={file.url} download={file.name}>
            Download {file.name}
          </a>
        ) : null}
      </div>
      <ErrorMessage error={error} takeFocus />
      <p role="status" className="code-export-note">
        {note}
      </p>
    </section>
  );
}
