import type { Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import { recordEvent } from '../events/record-event.js';
import type { ProjectStore } from '../ports.js';

/** Stores a redemption (or rollback, or refusal) with its event, in the caller's transaction. */
export async function storeRedemption(
  ctx: ProjectContext,
  store: ProjectStore,
  redemption: Redemption,
  eventType: 'redemption.succeeded' | 'redemption.failed' | 'redemption.rollback.succeeded',
): Promise<void> {
  await store.redemptions.insert(redemption);
  await recordEvent(ctx, store, eventType, { object: redemption.object, id: redemption.id }, redemption.created_at);
}
