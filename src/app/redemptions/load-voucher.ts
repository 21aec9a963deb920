import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { notFound } from '../../domain/errors.js';
import type { Project } from '../../domain/projects/project.js';
import { codeKey } from '../../domain/vouchers/code-key.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { EffectiveVoucher, Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectStore } from '../ports.js';
import type { ReservationsInForce } from '../repositories/voucher-repository.js';

export interface LoadedVoucher {
  stored: Voucher;
  effective: EffectiveVoucher;
  campaign: Campaign | null;
  /** Its category (its own or its campaign's), which its answers name. */
  category: Category | null;
  /** Uses other validation sessions hold (see ValidationSessionRepository); none when absent. */
  reserved_quantity?: number;
  /** A gift card's credits other validation sessions hold; none when absent. */
  reserved_credits?: number;
}

/**
 * The voucher with this code (as the project compares codes) and its campaign; 404 when there is
 * none. With `reservations`, the uses live validation sessions (other than the request's own)
 * hold are counted too, in one query, and only while the voucher has any that can still hold.
 */
export async function loadVoucher(
  store: ProjectStore,
  project: Project,
  code: string,
  reservations?: ReservationsInForce,
): Promise<LoadedVoucher> {
  const stored = await store.vouchers.findByCodeKey(codeKey(code, project.settings.case_sensitive_codes));
  if (!stored) throw notFound('voucher', code);
  const campaign = stored.campaign_id ? ((await store.campaigns.findById(stored.campaign_id)) ?? null) : null;
  const effective = resolveVoucher(stored, campaign);
  const category = effective.category_id ? ((await store.categories.findById(effective.category_id)) ?? null) : null;
  const mayHold = reservations && stored.reserved_until && stored.reserved_until > reservations.now;
  const held =
    reservations && mayHold
      ? await store.validationSessions.countLive(stored.id, reservations.now, reservations.exceptKey)
      : { uses: 0, giftCredits: 0 };
  return { stored, effective, campaign, category, reserved_quantity: held.uses, reserved_credits: held.giftCredits };
}
