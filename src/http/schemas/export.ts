import { Type } from 'typebox';
import { EXPORTED_OBJECTS } from '../../domain/exports/exported-objects.js';
import { VOUCHER_EXPORT_FIELDS } from '../../domain/exports/voucher-export-parameters.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../domain/lists/list-query.js';
import { Nullable, StringEnum, Text } from './common.js';

/**
 * POST /exports. `exported_object`, `order` and `fields` are plain text here: the use case names
 * what is allowed, and says which kinds are not exported yet, more clearly than an enum error.
 */
export const ExportCreateBody = Type.Object({
  exported_object: Text(100),
  parameters: Type.Optional(
    Nullable(
      Type.Object({
        order: Type.Optional(Nullable(Text(100))),
        fields: Type.Optional(Nullable(Type.Array(Text(100), { maxItems: VOUCHER_EXPORT_FIELDS.length }))),
        filters: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
        campaign_id: Type.Optional(Nullable(Text(500))),
      }),
    ),
  ),
});

export const ExportObject = Type.Object({
  id: Type.String(),
  object: Type.Literal('export'),
  created_at: Type.String(),
  status: StringEnum(['SCHEDULED', 'DONE'] as const),
  channel: Type.String(),
  exported_object: StringEnum(['voucher', 'voucher_transactions'] as const, {
    description: `One of ${EXPORTED_OBJECTS.join(', ')}; Vouch makes voucher and voucher_transactions exports`,
  }),
  parameters: Type.Record(Type.String(), Type.Unknown()),
  result: Nullable(Type.Object({ url: Type.String() })),
  user_id: Type.Null(),
});

export const ExportListQuery = Type.Object({
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `1..${MAX_LIMIT}, default ${DEFAULT_LIMIT}` }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, description: 'Page number, from 1' })),
  order: Type.Optional(StringEnum(['created_at', '-created_at', 'status', '-status'] as const)),
});

export const ExportDownloadQuery = Type.Object({
  token: Type.Optional(Text(200)),
});
