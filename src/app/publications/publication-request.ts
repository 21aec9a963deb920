import type { Metadata } from '../../domain/metadata.js';
import type { CampaignInput } from '../../domain/publications/publication-target.js';
import type { CustomerUpsert } from '../customers/upsert-customer.js';
import type { WritePolicy } from '../write-policy.js';

/** `POST /v1/publications` (and its client twin) as sent. */
export interface PublicationRequest {
  voucher?: string | null;
  campaign?: CampaignInput | null;
  customer?: CustomerUpsert | null;
  metadata?: Metadata | null;
  channel?: string | null;
  source_id?: string | null;
  /** The SDK sends it in the body; the API documents it as a query parameter. Either counts. */
  join_once?: boolean | null;
}

export interface PublicationOptions {
  /** `create_only` under client-side keys: a stored customer is referenced, never rewritten. */
  writes: WritePolicy;
  /** `?join_once=true`. */
  joinOnce: boolean;
}
