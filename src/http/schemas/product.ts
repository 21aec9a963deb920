import { Type } from 'typebox';
import { Metadata, Nullable, SourceId, Text, Timestamp } from './common.js';

/** Money in minor units: a whole number, never negative, exact in a double. */
const Price = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units' });

const AttributeNames = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 100,
  description: 'Names of the attributes the SKUs give values to',
});

const AttributeValues = Type.Record(
  Type.String({ maxLength: 200 }),
  Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]),
  { maxProperties: 100, description: "Values of the product's attributes" },
);

const Currency = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'Three letters, such as USD' });

/** The fields a shop may set on a product; absent fields stay as they are, null clears one. */
export const ProductFields = {
  source_id: Type.Optional(Nullable(SourceId())),
  name: Type.Optional(Nullable(Text(1000))),
  price: Type.Optional(Nullable(Price)),
  attributes: Type.Optional(Nullable(AttributeNames)),
  metadata: Type.Optional(Nullable(Metadata)),
  image_url: Type.Optional(Nullable(Text(2000))),
};

export const ProductCreateBody = Type.Object({ id: Type.Optional(Nullable(Text(200))), ...ProductFields });

/** The SDK sends `source_id` (and may send `id`) on update; Voucherify skips both. */
export const ProductUpdateBody = Type.Object(ProductFields);

export const ProductBulkItem = Type.Object({ ...ProductFields, source_id: SourceId() });

export const SkuFields = {
  source_id: Type.Optional(Nullable(SourceId())),
  sku: Type.Optional(Nullable(Text(1000))),
  price: Type.Optional(Nullable(Price)),
  currency: Type.Optional(Nullable(Currency)),
  attributes: Type.Optional(Nullable(AttributeValues)),
  metadata: Type.Optional(Nullable(Metadata)),
  image_url: Type.Optional(Nullable(Text(2000))),
};

export const SkuCreateBody = Type.Object({ id: Type.Optional(Nullable(Text(200))), ...SkuFields });
export const SkuUpdateBody = Type.Object(SkuFields);

export const SkuObject = Type.Object(
  {
    id: Type.String(),
    source_id: Nullable(Type.String()),
    product_id: Type.String(),
    sku: Nullable(Type.String()),
    price: Nullable(Type.Integer()),
    currency: Nullable(Type.String()),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    image_url: Nullable(Type.String()),
    metadata: Metadata,
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    object: Type.Literal('sku'),
  },
  { $id: 'Sku' },
);

const ProductProperties = {
  id: Type.String(),
  source_id: Nullable(Type.String()),
  name: Nullable(Type.String()),
  price: Nullable(Type.Integer()),
  attributes: Type.Array(Type.String()),
  metadata: Metadata,
  image_url: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Nullable(Timestamp),
  object: Type.Literal('product'),
};

export const ProductObject = Type.Object(ProductProperties, { $id: 'Product' });

export const ProductWithSkusObject = Type.Object(
  {
    ...ProductProperties,
    skus: Type.Object({
      object: Type.Literal('list'),
      data_ref: Type.Literal('data'),
      data: Type.Array(SkuObject),
      total: Type.Integer(),
    }),
  },
  { $id: 'ProductWithSkus' },
);
