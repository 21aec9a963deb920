import { DateTime, Duration } from 'luxon';

/** The validity a code takes from its publication, under `activity_duration_after_publishing`. */
export interface PublishedValidity {
  start_date: string;
  expiration_date: string;
}

/** The campaign's own dates, which a published code's never reach past. */
export interface CampaignDates {
  start_date: string | null;
  expiration_date: string | null;
}

/**
 * A campaign's `activity_duration_after_publishing` (ISO-8601, such as P24D or PT12H) starts a
 * code's validity when it is handed out: from `now` (or the campaign's start, if later) for that
 * long, months and years counted on the calendar (P1M from 31 January ends on the last day of
 * February), never past the campaign's own end. Null when the campaign has none, or the duration
 * cannot be read (campaigns check it when stored, so only old rows).
 */
export function publishedValidity(
  duration: string | null,
  now: Date,
  campaign: CampaignDates = { start_date: null, expiration_date: null },
): PublishedValidity | null {
  if (duration === null) return null;
  const parsed = Duration.fromISO(duration);
  if (!parsed.isValid || !(parsed.as('milliseconds') > 0)) return null;
  const nowIso = now.toISOString();
  // ISO-8601 UTC timestamps compare as text.
  const startIso = campaign.start_date && campaign.start_date > nowIso ? campaign.start_date : nowIso;
  const end = DateTime.fromISO(startIso, { zone: 'utc' }).plus(parsed).toJSDate().toISOString();
  const capped = campaign.expiration_date && campaign.expiration_date < end ? campaign.expiration_date : end;
  return { start_date: startIso, expiration_date: capped };
}
