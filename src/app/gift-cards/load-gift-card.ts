import { AppError } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { type LoadedVoucher, loadVoucher } from '../redemptions/load-voucher.js';
import { type SpentCard, spentCardOf } from './gift-request.js';

/** The gift card with this code; 404 when there is no voucher, invalid_voucher when it is no gift card. */
export async function loadGiftCard(
  ctx: ProjectContext,
  store: ProjectStore,
  code: string,
): Promise<{ voucher: LoadedVoucher; card: SpentCard }> {
  const voucher = await loadVoucher(store, ctx.project, code);
  const card = spentCardOf(voucher);
  if (!card) {
    throw new AppError('invalid_voucher', {
      details: `${voucher.stored.code} is a ${voucher.effective.type}; only a GIFT_VOUCHER has credits`,
    });
  }
  return { voucher, card };
}
