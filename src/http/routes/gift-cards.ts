import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { toExportObject } from '../../app/exports/export-view.js';
import { adjustGiftBalance } from '../../app/gift-cards/adjust-gift-balance.js';
import { createTransactionExport } from '../../app/gift-cards/export-gift-transactions.js';
import { listGiftTransactions } from '../../app/gift-cards/list-gift-transactions.js';
import { toVoucherTransactionObject } from '../../app/gift-cards/voucher-transaction-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf } from '../schemas/common.js';
import { ExportObject } from '../schemas/export.js';
import {
  BalanceChangeBody,
  BalanceObject,
  TransactionExportBody,
  TransactionsQuery,
  VoucherTransactionObject,
} from '../schemas/gift-card.js';
import { toListQuery } from '../schemas/list-query.js';

const tags = ['vouchers'];
const CodeParams = IdParam('code', 'The gift card code');
const transactionOrder = {
  sortFields: ['id', 'created_at'],
  defaultOrder: { field: 'id', direction: 'desc' },
} as const;

/** Gift card credits: balance changes, the ledger, and its CSV export (read and downloaded under /exports). */
export function registerGiftCardRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/vouchers/:code/balance',
    {
      schema: {
        tags,
        summary: 'Add credits to a gift card (positive amount) or remove them (negative), never below zero',
        params: CodeParams,
        body: BalanceChangeBody,
        response: { 200: BalanceObject },
      },
    },
    async (request) => adjustGiftBalance(contextOf(request), request.params.code, request.body),
  );

  app.get(
    '/vouchers/:code/transactions',
    {
      schema: {
        tags,
        summary: "List a gift card's credit movements, with a starting_after_id cursor",
        params: CodeParams,
        querystring: TransactionsQuery,
        response: { 200: ListOf('data', VoucherTransactionObject) },
      },
    },
    async (request) => {
      const query = toListQuery(request.query, transactionOrder);
      const page = await listGiftTransactions(contextOf(request), request.params.code, query);
      return listBody('data', page, toVoucherTransactionObject, { total: false, cursor: (t) => t.id });
    },
  );

  app.post(
    '/vouchers/:code/transactions/export',
    {
      schema: {
        tags,
        summary: "Export a gift card's credit movements as CSV; read the export to get its link",
        params: CodeParams,
        body: TransactionExportBody,
        response: { 200: ExportObject },
      },
    },
    async (request) => {
      const record = await createTransactionExport(contextOf(request), request.params.code, request.body ?? {});
      return toExportObject(record, null);
    },
  );
}
