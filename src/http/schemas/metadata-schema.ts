import { Type } from 'typebox';
import { PROPERTY_TYPES } from '../../domain/metadata-schemas/metadata-schema.js';
import { MAX_RELATED_OBJECT_LENGTH } from '../../domain/metadata-schemas/parse-definitions.js';
import { Nullable, StringEnum, Timestamp } from './common.js';

/** Definitions are checked by the domain parser, which names every problem with its property. */
const Definitions = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Definitions by property name: {type, array?, optional?, deleted?, object_type?, eq?, ne?, lt?, lte?, gt?, gte?, min_length?, max_length?, exact_length?}',
});

export const MetadataSchemaCreateBody = Type.Object({
  related_object: Type.String({
    minLength: 1,
    maxLength: MAX_RELATED_OBJECT_LENGTH,
    description: 'The resource: campaign, customer, order, product, voucher, ... or a custom (nested object) name',
  }),
  properties: Definitions,
  allow_defined_only: Type.Optional(
    Nullable(Type.Boolean({ description: 'Refuse metadata keys not defined; default false' })),
  ),
});

export const MetadataSchemaUpdateBody = Type.Object({
  properties: Type.Optional(Nullable(Definitions)),
  allow_defined_only: Type.Optional(Nullable(Type.Boolean())),
});

const Bound = Type.Optional(Type.Number());
const Length = Type.Optional(Type.Integer());
const Values = Type.Optional(Type.Array(Type.Union([Type.String(), Type.Number()])));

const DefinitionFields = {
  type: StringEnum(PROPERTY_TYPES),
  array: Type.Boolean(),
  optional: Type.Boolean(),
  deleted: Type.Optional(Type.Boolean()),
  eq: Values,
  ne: Values,
  lt: Bound,
  lte: Bound,
  gt: Bound,
  gte: Bound,
};

const ManagementDefinition = Type.Object({
  ...DefinitionFields,
  object_type: Nullable(Type.String()),
  min_length: Length,
  max_length: Length,
  exact_length: Length,
});

const V1Definition = Type.Object({
  ...DefinitionFields,
  objectType: Nullable(Type.String()),
  minLength: Length,
  maxLength: Length,
  exactLength: Length,
});

function SchemaObject<T extends typeof ManagementDefinition | typeof V1Definition>(definition: T) {
  return Type.Object({
    id: Type.String(),
    related_object: Type.String(),
    properties: Type.Record(Type.String(), definition),
    allow_defined_only: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    object: Type.Literal('metadata_schema'),
  });
}

export const ManagementMetadataSchemaObject = SchemaObject(ManagementDefinition);
export const MetadataSchemaObject = SchemaObject(V1Definition);
