import { Type } from 'typebox';
import { Nullable, StringEnum, Text, Timestamp } from './common.js';
import { PageQueryFields } from './list-query.js';
import { ProductObject, SkuObject } from './product.js';

export const MAX_COLLECTION_MEMBERS = 1000;

const MemberObject = StringEnum(['product', 'sku'] as const);

const Member = Type.Object({
  id: Text(200),
  product_id: Type.Optional(Text(200)),
  object: MemberObject,
});

/** A Voucherify filter; its fields, operators and values are checked by parseFilter. */
const Filter = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Fields (`name`, `price`, `metadata.<key>`, ...) with `{conditions: {$operator: [values]}}`, and `junction`',
});

export const ProductCollectionCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Optional(Nullable(StringEnum(['STATIC', 'AUTO_UPDATE'] as const))),
  products: Type.Optional(Nullable(Type.Array(Member, { maxItems: MAX_COLLECTION_MEMBERS }))),
  filter: Type.Optional(Nullable(Filter)),
});

export const ProductCollectionObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: StringEnum(['STATIC', 'AUTO_UPDATE'] as const),
  filter: Type.Optional(Filter),
  products: Type.Optional(Type.Array(Member)),
  created_at: Timestamp,
  object: Type.Literal('products_collection'),
});

export const ProductCollectionListQuery = Type.Object({
  limit: PageQueryFields.limit,
  page: PageQueryFields.page,
  order: PageQueryFields.order,
});

export const CollectionProductsQuery = Type.Object({
  limit: PageQueryFields.limit,
  page: PageQueryFields.page,
  order: PageQueryFields.order,
  starting_after: Type.Optional(
    Type.String({ format: 'date-time', description: 'Only products created after this instant' }),
  ),
});

const { properties: productProperties } = ProductObject;
const { properties: skuProperties } = SkuObject;

/** A product, or a SKU with its product, as a collection lists them. */
export const CollectionEntryObject = Type.Union([
  Type.Object(productProperties),
  Type.Object({
    ...skuProperties,
    product: Type.Object({
      id: productProperties.id,
      source_id: productProperties.source_id,
      name: productProperties.name,
      price: productProperties.price,
      attributes: productProperties.attributes,
      metadata: productProperties.metadata,
      object: productProperties.object,
    }),
  }),
]);
