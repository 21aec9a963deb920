import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

/** What an event is about: its payload is read from the object's row when it is delivered. */
export interface EventSubject {
  object: string;
  id: string;
}

/**
 * Adds an event to the outbox, in the caller's transaction, so it exists exactly when the change
 * it reports does. The event names its subject rather than copying it: the row already holds what
 * the webhook will show, and a redemption's commit stays small.
 */
export async function recordEvent(
  ctx: ProjectContext,
  store: ProjectStore,
  type: string,
  subject: EventSubject,
  at: string,
): Promise<void> {
  await store.outbox.add({ id: ctx.ids.newId('evt_'), type, payload: subject, created_at: at });
}
