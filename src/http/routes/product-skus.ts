import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createSku } from '../../app/products/create-sku.js';
import { deleteSku } from '../../app/products/delete-sku.js';
import { importSkusCsv } from '../../app/products/import-skus-csv.js';
import { getSku, listProductSkus } from '../../app/products/product-queries.js';
import { updateSku } from '../../app/products/update-sku.js';
import { toAsyncActionCreated } from '../../app/views/async-action-view.js';
import { toSkuObject } from '../../app/views/product-view.js';
import { readCsvUpload } from '../csv-upload.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { AsyncActionCreated, IdParam, ListOf, NoContent } from '../schemas/common.js';
import { SkuCreateBody, SkuObject, SkuUpdateBody } from '../schemas/product.js';
import { ProductListQuery, toProductListQuery } from '../schemas/product-list-query.js';

const tags = ['products'];
const ProductParams = IdParam('productId', "The product's id or source_id");
const SkuParams = Type.Object({
  ...ProductParams.properties,
  ...IdParam('skuId', "The SKU's id or source_id").properties,
});
const ForceQuery = Type.Object({
  force: Type.Optional(Type.Boolean({ description: 'Remove for good instead of moving to the bin' })),
});

/** The SKUs of products: under `/products/{id}/skus`, plus `/skus/{id}` and the SKU import. */
export function registerSkuRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/products/:productId/skus',
    {
      schema: {
        tags,
        summary: 'Add a SKU to a product, or update it (upsert by id or source_id)',
        params: ProductParams,
        body: SkuCreateBody,
        response: { 200: SkuObject },
      },
    },
    async (request) => toSkuObject(await createSku(contextOf(request), request.params.productId, request.body)),
  );

  app.get(
    '/products/:productId/skus',
    {
      schema: {
        tags,
        summary: "List a product's SKUs",
        params: ProductParams,
        querystring: ProductListQuery,
        response: { 200: ListOf('skus', SkuObject) },
      },
    },
    async (request) => {
      const { query, bounds } = toProductListQuery(request.query, ['created_at', 'updated_at', 'sku', 'source_id']);
      const page = await listProductSkus(contextOf(request), request.params.productId, query, bounds);
      return listBody('skus', page, toSkuObject);
    },
  );

  app.put(
    '/products/:productId/skus/:skuId',
    {
      schema: {
        tags,
        summary: 'Update a SKU',
        params: SkuParams,
        body: SkuUpdateBody,
        response: { 200: SkuObject },
      },
    },
    async (request) => {
      const { source_id: _skipped, ...changes } = request.body;
      const { productId, skuId } = request.params;
      return toSkuObject(await updateSku(contextOf(request), productId, skuId, changes));
    },
  );

  app.delete(
    '/products/:productId/skus/:skuId',
    {
      schema: {
        tags,
        summary: 'Move a SKU to the bin, or with force=true delete it for good',
        params: SkuParams,
        querystring: ForceQuery,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { productId, skuId } = request.params;
      await deleteSku(contextOf(request), productId, skuId, { force: request.query.force === true });
      return reply.status(204).send();
    },
  );

  app.get(
    '/skus/:skuId',
    {
      schema: {
        tags,
        summary: 'Get a SKU by its id or source_id',
        params: IdParam('skuId', "The SKU's id or source_id"),
        response: { 200: SkuObject },
      },
    },
    async (request) => toSkuObject(await getSku(contextOf(request), request.params.skuId)),
  );

  app.post(
    '/skus/importCSV',
    {
      schema: {
        tags,
        summary: 'Import SKUs from a CSV file (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const csv = await readCsvUpload(request);
      return reply.status(202).send(toAsyncActionCreated(await importSkusCsv(contextOf(request), csv)));
    },
  );
}
