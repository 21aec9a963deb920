import { requestProject, requestProjectFile } from './api-client';
import { ApiError } from './api-error';

/** Voucherify's export object: SCHEDULED when created, DONE with the link to its file once ready. */
export interface VoucherExport {
  id: string;
  object: 'export';
  status: 'SCHEDULED' | 'IN_PROGRESS' | 'DONE' | 'ERROR';
  result: { url: string } | null;
}

/** The columns of a campaign's code export, code first (`value`: the discount's amount or percent, a card's balance). */
const CODE_EXPORT_FIELDS = [
  'code',
  'voucher_type',
  'value',
  'discount_type',
  'active',
  'redemption_quantity',
  'redemption_count',
  'start_date',
  'expiration_date',
  'created_at',
];

const POLL_MS = 600;
/** Voucherify builds exports in the background; past this the page stops waiting and says so. */
const GIVE_UP_MS = 120_000;

/** `POST /v1/exports` of one campaign's codes, newest first as the codes table lists them. */
export function createCampaignCodeExport(campaignId: string): Promise<VoucherExport> {
  return requestProject<VoucherExport>('/exports', {
    method: 'POST',
    body: {
      exported_object: 'voucher',
      parameters: {
        order: '-created_at',
        fields: CODE_EXPORT_FIELDS,
        filters: { campaign_ids: { conditions: { $in: [campaignId] } } },
      },
    },
  });
}

export function getExport(id: string): Promise<VoucherExport> {
  return requestProject<VoucherExport>(`/exports/${encodeURIComponent(id)}`);
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Reads the export until it is DONE (Vouch answers DONE at once; Voucherify takes a while), then
 * answers it; null when `signal` aborts first (the page went away). An ERROR export, or one still
 * not ready after two minutes, is thrown as an ApiError for the page to show.
 */
export async function waitForExport(created: VoucherExport, signal: AbortSignal): Promise<VoucherExport | null> {
  const startedAt = Date.now();
  let current = created;
  while (current.status !== 'DONE' || !current.result) {
    if (current.status === 'ERROR') {
      throw new ApiError(0, { key: 'export_failed', message: 'The server could not build the export.' });
    }
    if (Date.now() - startedAt > GIVE_UP_MS) {
      throw new ApiError(0, {
        key: 'export_timeout',
        message: 'The export is taking too long.',
        details: `It goes on on the server as ${current.id}; try again later.`,
      });
    }
    await pause(POLL_MS, signal);
    if (signal.aborted) return null;
    current = await getExport(current.id);
  }
  return current;
}

/**
 * The finished export's CSV file. Its `result.url` is the server's public address of the download
 * (`/v1/exports/{id}?token=`); the page fetches the same route with its own session headers, on
 * its own origin, so only the token is read from the link.
 */
export function downloadExportFile(done: VoucherExport): Promise<Blob> {
  const token = done.result ? new URL(done.result.url, window.location.origin).searchParams.get('token') : null;
  if (!token) {
    return Promise.reject(new ApiError(0, { key: 'export_without_link', message: 'The export has no download link.' }));
  }
  return requestProjectFile(`/exports/${encodeURIComponent(done.id)}?token=${encodeURIComponent(token)}`, 'text/csv');
}
