import type { Answer } from '../app/redemptions/idempotent.js';
import {
  type ClientAudience,
  isJsonObject,
  type JsonObject,
  pick,
  presentClientRedemption,
  presentOrder,
  withVisibleMetadata,
} from './client-presenter.js';

/** Fields of a stacked answer's redeemable a storefront sees (the spec's client-side schemas). */
const STACK_REDEEMABLE_FIELDS = new Set([
  'status',
  'id',
  'object',
  'order',
  'applicable_to',
  'inapplicable_to',
  'result',
  'metadata',
  'categories',
  'campaign_name',
  'campaign_id',
  'name',
]);

const STACK_VALIDATION_FIELDS = new Set([
  'id',
  'valid',
  'redeemables',
  'skipped_redeemables',
  'inapplicable_redeemables',
  'order',
  'tracking_id',
  'session',
  'stacking_rules',
]);

function presentRedeemable(redeemable: unknown, audience: ClientAudience): unknown {
  if (!isJsonObject(redeemable)) return redeemable;
  // A redeemable's metadata is its voucher's or its tier's, whose hidden keys apply.
  const kind = redeemable.object === 'promotion_tier' ? 'promotion_tier' : 'voucher';
  const shown = withVisibleMetadata(pick(redeemable, STACK_REDEEMABLE_FIELDS), kind, audience);
  if (isJsonObject(shown.order)) shown.order = presentOrder(shown.order, audience);
  return shown;
}

function presentRedeemables(list: unknown, audience: ClientAudience): unknown {
  return Array.isArray(list) ? list.map((redeemable) => presentRedeemable(redeemable, audience)) : list;
}

/** A stacked validation as a storefront sees it. */
export function presentClientStackValidation<T extends { valid: boolean; redeemables: unknown[] }>(
  validation: T,
  audience: ClientAudience,
): Pick<T, 'valid' | 'redeemables'> & JsonObject {
  const shown = pick(validation, STACK_VALIDATION_FIELDS);
  for (const list of ['redeemables', 'skipped_redeemables', 'inapplicable_redeemables']) {
    if (list in shown) shown[list] = presentRedeemables(shown[list], audience);
  }
  if (isJsonObject(shown.order)) shown.order = presentOrder(shown.order, audience);
  return { ...shown, valid: validation.valid, redeemables: shown.redeemables as T['redeemables'] };
}

/**
 * A stacked redemption's answer as a storefront sees it: its redemptions as client redemptions,
 * the order and the redeemables left out as above. Error answers pass as they are.
 */
export function presentClientStackRedeemAnswer(answer: Answer, audience: Omit<ClientAudience, 'customerId'>): Answer {
  if (answer.status !== 200 || !isJsonObject(answer.body)) return answer;
  const body = answer.body;
  const parent = isJsonObject(body.parent_redemption) ? body.parent_redemption : {};
  const customerId = typeof parent.customer_id === 'string' ? parent.customer_id : null;
  const seen: ClientAudience = { ...audience, customerId };
  const redemptions = Array.isArray(body.redemptions) ? body.redemptions : [];
  return {
    ...answer,
    body: {
      redemptions: redemptions.map((r) => (isJsonObject(r) ? presentClientRedemption(r, seen) : r)),
      parent_redemption: presentClientRedemption(parent, seen),
      ...(isJsonObject(body.order) ? { order: presentOrder(body.order, seen) } : {}),
      inapplicable_redeemables: presentRedeemables(body.inapplicable_redeemables, seen),
      skipped_redeemables: presentRedeemables(body.skipped_redeemables, seen),
    },
  };
}
