import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { bulkUpdateProducts, updateProductsMetadata } from '../../app/products/bulk-update-products.js';
import { createProduct } from '../../app/products/create-product.js';
import { deleteProduct } from '../../app/products/delete-product.js';
import { importProductsCsv } from '../../app/products/import-products-csv.js';
import { getProduct, listProducts } from '../../app/products/product-queries.js';
import { updateProduct } from '../../app/products/update-product.js';
import { toAsyncActionCreated } from '../../app/views/async-action-view.js';
import { toProductObject, toProductWithSkusObject } from '../../app/views/product-view.js';
import { readCsvUpload } from '../csv-upload.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { AsyncActionCreated, IdParam, ListOf, Metadata, NoContent, Text } from '../schemas/common.js';
import {
  ProductBulkItem,
  ProductCreateBody,
  ProductObject,
  ProductUpdateBody,
  ProductWithSkusObject,
} from '../schemas/product.js';
import { ProductListQuery, toProductListQuery } from '../schemas/product-list-query.js';
import { SearchQueryField, toSearchText } from '../schemas/search-query.js';
import { registerSkuRoutes } from './product-skus.js';

const tags = ['products'];
const Params = IdParam('productId', "The product's id or source_id");
const ForceQuery = Type.Object({
  force: Type.Optional(Type.Boolean({ description: 'Remove for good instead of moving to the bin' })),
});

/** The SKU list's query, and the product list's own search. */
const ProductsQuery = Type.Object({
  ...ProductListQuery.properties,
  search: SearchQueryField('name, source_id or id'),
});

export function registerProductRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/products',
    {
      schema: {
        tags,
        summary: 'Create or update (upsert by id or source_id) a product',
        body: ProductCreateBody,
        response: { 200: ProductObject },
      },
    },
    async (request) => toProductObject(await createProduct(contextOf(request), request.body)),
  );

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'List products with their SKUs',
        querystring: ProductsQuery,
        response: { 200: ListOf('products', ProductWithSkusObject) },
      },
    },
    async (request) => {
      const { search, ...rest } = request.query;
      const { query, bounds } = toProductListQuery(rest, ['created_at', 'updated_at', 'name', 'source_id']);
      const page = await listProducts(contextOf(request), query, { ...bounds, search: toSearchText(search) });
      return listBody('products', page, toProductWithSkusObject);
    },
  );

  app.get(
    '/products/:productId',
    {
      schema: { tags, summary: 'Get a product and its SKUs', params: Params, response: { 200: ProductWithSkusObject } },
    },
    async (request) => toProductWithSkusObject(await getProduct(contextOf(request), request.params.productId)),
  );

  app.put(
    '/products/:productId',
    {
      schema: {
        tags,
        summary: 'Update a product',
        params: Params,
        body: ProductUpdateBody,
        response: { 200: ProductObject },
      },
    },
    async (request) => {
      const { source_id: _skipped, ...changes } = request.body;
      return toProductObject(await updateProduct(contextOf(request), request.params.productId, changes));
    },
  );

  app.delete(
    '/products/:productId',
    {
      schema: {
        tags,
        summary: 'Move a product and its SKUs to the bin, or with force=true delete them for good',
        params: Params,
        querystring: ForceQuery,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteProduct(contextOf(request), request.params.productId, { force: request.query.force === true });
      return reply.status(204).send();
    },
  );

  app.post(
    '/products/bulk/async',
    {
      schema: {
        tags,
        summary: 'Update or create products by source_id, asynchronously',
        body: Type.Array(ProductBulkItem, { minItems: 1, maxItems: 10_000 }),
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await bulkUpdateProducts(contextOf(request), request.body))),
  );

  app.post(
    '/products/metadata/async',
    {
      schema: {
        tags,
        summary: "Merge metadata into products' metadata, asynchronously",
        body: Type.Object({
          source_ids: Type.Array(Text(500), { minItems: 1, maxItems: 10_000 }),
          metadata: Metadata,
        }),
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await updateProductsMetadata(contextOf(request), request.body))),
  );

  app.post(
    '/products/importCSV',
    {
      schema: {
        tags,
        summary: 'Import products from a CSV file (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const csv = await readCsvUpload(request);
      return reply.status(202).send(toAsyncActionCreated(await importProductsCsv(contextOf(request), csv)));
    },
  );

  registerSkuRoutes(fastify);
}
