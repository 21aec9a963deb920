import { Type } from 'typebox';
import { TRANSACTION_EXPORT_FIELDS } from '../../domain/gift-cards/transaction-export.js';
import { GIFT_TRANSACTION_TYPES } from '../../domain/gift-cards/voucher-transaction.js';
import { Nullable, StringEnum, Text } from './common.js';
import { CursorQueryFields } from './list-query.js';

const MAX_CREDITS = 2 ** 52;

export const BalanceChangeBody = Type.Object({
  amount: Type.Optional(Nullable(Type.Integer({ minimum: -MAX_CREDITS, maximum: MAX_CREDITS }))),
  source_id: Type.Optional(Nullable(Text(500))),
  reason: Type.Optional(Nullable(Text(2000))),
});

const RelatedVoucher = Type.Object({ type: Type.Literal('voucher'), id: Type.String() });

export const BalanceObject = Type.Object({
  amount: Type.Integer(),
  total: Type.Integer(),
  balance: Type.Integer(),
  type: Type.Literal('gift_voucher'),
  operation_type: Type.Optional(Type.Literal('MANUAL')),
  object: Type.Literal('balance'),
  related_object: RelatedVoucher,
});

export const VoucherTransactionObject = Type.Object({
  id: Type.String(),
  source_id: Nullable(Type.String()),
  voucher_id: Type.String(),
  campaign_id: Nullable(Type.String()),
  source: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  type: StringEnum(GIFT_TRANSACTION_TYPES),
  details: Type.Record(Type.String(), Type.Unknown()),
  related_transaction_id: Type.Null(),
  created_at: Type.String(),
});

export const TransactionsQuery = Type.Object({ ...CursorQueryFields });

export const TransactionExportBody = Type.Object({
  parameters: Type.Optional(
    Nullable(
      Type.Object({
        order: Type.Optional(Nullable(StringEnum(['created_at', '-created_at'] as const))),
        fields: Type.Optional(Nullable(Type.Array(StringEnum(TRANSACTION_EXPORT_FIELDS), { maxItems: 20 }))),
        filters: Type.Optional(Type.Unknown()),
      }),
    ),
  ),
});
