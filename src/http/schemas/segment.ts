import { Type } from 'typebox';
import { MAX_STATIC_SEGMENT_CUSTOMERS, SEGMENT_SYNC_STATUSES, SEGMENT_TYPES } from '../../domain/segments/segment.js';
import { Nullable, StringEnum, Timestamp } from './common.js';
import { PageQueryFields } from './list-query.js';
import { SearchQueryField } from './search-query.js';

const SegmentType = StringEnum(SEGMENT_TYPES, { description: 'Default static' });

/** The filter is checked by the domain parser, which names the bad field or operator. */
const Filter = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Customer filter of an auto-update or passive segment: {"metadata.tier": {"conditions": {"$is": ["vip"]}}, "junction": "and"}',
});

export const SegmentCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Optional(Nullable(SegmentType)),
  filter: Type.Optional(Nullable(Filter)),
  customers: Type.Optional(
    Nullable(
      Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
        maxItems: MAX_STATIC_SEGMENT_CUSTOMERS,
        description: "A static segment's customers, by id or source_id",
      }),
    ),
  ),
});

export const SegmentObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Timestamp,
  updated_at: Type.Optional(Timestamp),
  type: SegmentType,
  filter: Nullable(Type.Record(Type.String(), Type.Unknown())),
  initial_sync_status: StringEnum(SEGMENT_SYNC_STATUSES),
  object: Type.Literal('segment'),
});

export const SimpleSegmentObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  object: Type.Literal('segment'),
});

export const SegmentListQuery = Type.Object({
  limit: PageQueryFields.limit,
  page: PageQueryFields.page,
  order: PageQueryFields.order,
  created_at: PageQueryFields.created_at,
  search: SearchQueryField('name or id'),
});
