import { Type } from 'typebox';
import { MAX_PUBLICATION_COUNT } from '../../domain/publications/publication.js';
import { Metadata, Nullable, SourceId, StringEnum, Text } from './common.js';
import { CustomerReference } from './customer.js';
import { CursorQueryFields, PageQueryFields } from './list-query.js';

const CampaignRef = Type.Union([
  Text(500),
  Type.Object({
    name: Type.Optional(Nullable(Text(500))),
    id: Type.Optional(Nullable(Text(200))),
    count: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_PUBLICATION_COUNT }))),
  }),
]);

/** POST /v1/publications: a code (`voucher`) or codes of a campaign, for a customer. */
export const PublicationCreateBody = Type.Object({
  voucher: Type.Optional(Nullable(Text(500))),
  campaign: Type.Optional(Nullable(CampaignRef)),
  customer: Type.Optional(Nullable(CustomerReference)),
  metadata: Type.Optional(Nullable(Metadata)),
  channel: Type.Optional(Nullable(Text(100))),
  source_id: Type.Optional(Nullable(SourceId())),
  join_once: Type.Optional(Nullable(Type.Boolean())),
});

export const JoinOnceQuery = Type.Object({ join_once: Type.Optional(Type.Boolean()) });

/** POST /client/v1/publish: the campaign is in the query, as ClientSide.publish sends it. */
export const ClientPublishQuery = Type.Object({ campaign: Text(500), join_once: Type.Optional(Type.Boolean()) });
export const ClientPublishBody = Type.Object({
  customer: Type.Optional(Nullable(CustomerReference)),
  channel: Type.Optional(Nullable(Text(100))),
  source_id: Type.Optional(Nullable(SourceId())),
  voucher: Type.Optional(Nullable(Text(500))),
  metadata: Type.Optional(Nullable(Metadata)),
});

export const PublicationListQuery = Type.Object({
  ...PageQueryFields,
  campaign: Type.Optional(Text(500)),
  customer: Type.Optional(Text(500)),
  voucher: Type.Optional(Text(500)),
  result: Type.Optional(StringEnum(['SUCCESS', 'FAILURE'] as const)),
  voucher_type: Type.Optional(Text(50)),
  is_referral_code: Type.Optional(Type.Boolean()),
  source_id: Type.Optional(Text(500)),
});

export const CustomerRedeemablesQuery = Type.Object({
  ...CursorQueryFields,
  filters: Type.Optional(Type.Unknown()),
});
