import { type AppError, invalidPayload } from '../errors.js';
import { MAX_PUBLICATION_COUNT } from './publication.js';

/** What a publication hands out: one named code, or `count` codes of a campaign. */
export type PublicationTarget = { kind: 'voucher'; code: string } | { kind: 'campaign'; ref: string; count: number };

/** The request's campaign: a name or id, alone or with a count (Voucherify accepts both shapes). */
export type CampaignInput = string | { name?: string | null; id?: string | null; count?: number | null };

export interface TargetInput {
  voucher?: string | null;
  campaign?: CampaignInput | null;
  source_id?: string | null;
  /** Asked for by the request (its body or `?join_once=true`). */
  join_once?: boolean | null;
}

/** Under join_once a customer holds one code of the campaign (Voucherify's rule), so asks for one. */
export function joinOnceCountRefusal(count: number): AppError | null {
  if (count <= 1) return null;
  return invalidPayload(
    'Property .campaign.count should be 1 under join_once: a customer joins the campaign once and holds one of its codes',
  );
}

function readCampaign(campaign: CampaignInput): { ref: string; count: number } {
  if (typeof campaign === 'string') return { ref: campaign, count: 1 };
  const ref = campaign.id || campaign.name;
  if (!ref) throw invalidPayload('Property .campaign should name a campaign: name or id');
  const count = campaign.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PUBLICATION_COUNT) {
    throw invalidPayload(`Property .campaign.count should be an integer from 1 to ${MAX_PUBLICATION_COUNT}`);
  }
  return { ref, count };
}

/**
 * Reads what to publish. A named voucher wins over a campaign (Voucherify skips the campaign when
 * both are given). A publication with a `source_id` hands out one code: the source_id then names
 * exactly that code, which is what makes a retried request answer with it again. So does one
 * under join_once (a campaign that joins once by itself is checked once it is found).
 */
export function readPublicationTarget(input: TargetInput): PublicationTarget {
  if (input.voucher) return { kind: 'voucher', code: input.voucher };
  if (!input.campaign) throw invalidPayload('Either campaign or voucher is required');
  const { ref, count } = readCampaign(input.campaign);
  if (input.source_id && count > 1) {
    throw invalidPayload('A publication with a source_id publishes one voucher; leave out count or the source_id');
  }
  const joinOnceRefusal = input.join_once ? joinOnceCountRefusal(count) : null;
  if (joinOnceRefusal) throw joinOnceRefusal;
  return { kind: 'campaign', ref, count };
}
