import type { Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import { recordEvent } from '../events/record-event.js';
import type { ProjectStore } from '../ports.js';
import { refreshCustomerSegments } from '../segments/refresh-customer-segments.js';

/**
 * Stores a redemption (or rollback, or refusal) with its event, in the caller's transaction. The
 * customer's redemption and order figures moved, so their segments are looked at again here too.
 */
export async function storeRedemption(
  ctx: ProjectContext,
  store: ProjectStore,
  redemption: Redemption,
  eventType: 'redemption.succeeded' | 'redemption.failed' | 'redemption.rollback.succeeded',
): Promise<void> {
  await store.redemptions.insert(redemption);
  await recordEvent(ctx, store, eventType, { object: redemption.object, id: redemption.id }, redemption.created_at);
  if (redemption.customer_id) await refreshCustomerSegments(ctx, store, [redemption.customer_id]);
}
