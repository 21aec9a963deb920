import type { VoucherTransaction } from '../../domain/gift-cards/voucher-transaction.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';
import { loadGiftCard } from './load-gift-card.js';

/** GET /vouchers/{code}/transactions: a page of the card's ledger. */
export async function listGiftTransactions(
  ctx: ProjectContext,
  code: string,
  query: ListQuery,
): Promise<ListPage<VoucherTransaction>> {
  const { card } = await loadGiftCard(ctx, ctx.store, code);
  return ctx.store.giftCards.listTransactions(card.id, query);
}
