import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { createProductCollection } from '../../app/product-collections/create-product-collection.js';
import { deleteProductCollection } from '../../app/product-collections/delete-product-collection.js';
import {
  getProductCollection,
  listProductCollections,
  listProductsInCollection,
} from '../../app/product-collections/product-collection-queries.js';
import { toCollectionEntryObject, toProductCollectionObject } from '../../app/views/product-collection-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';
import {
  CollectionEntryObject,
  CollectionProductsQuery,
  ProductCollectionCreateBody,
  ProductCollectionListQuery,
  ProductCollectionObject,
} from '../schemas/product-collection.js';

const tags = ['product collections'];
const Params = IdParam('productCollectionId', "The collection's id");
const byCreation = { sortFields: ['created_at'], defaultOrder: { field: 'created_at', direction: 'desc' } } as const;

export function registerProductCollectionRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/product-collections',
    {
      schema: {
        tags,
        summary: 'Create a STATIC or AUTO_UPDATE product collection',
        body: ProductCollectionCreateBody,
        response: { 200: ProductCollectionObject },
      },
    },
    async (request) => toProductCollectionObject(await createProductCollection(contextOf(request), request.body)),
  );

  app.get(
    '/product-collections',
    {
      schema: {
        tags,
        summary: 'List product collections',
        querystring: ProductCollectionListQuery,
        response: { 200: ListOf('data', ProductCollectionObject) },
      },
    },
    async (request) => {
      const page = await listProductCollections(contextOf(request), toListQuery(request.query, byCreation));
      return listBody('data', page, toProductCollectionObject);
    },
  );

  app.get(
    '/product-collections/:productCollectionId',
    {
      schema: { tags, summary: 'Get a product collection', params: Params, response: { 200: ProductCollectionObject } },
    },
    async (request) =>
      toProductCollectionObject(await getProductCollection(contextOf(request), request.params.productCollectionId)),
  );

  app.delete(
    '/product-collections/:productCollectionId',
    { schema: { tags, summary: 'Delete a product collection', params: Params, response: { 204: NoContent } } },
    async (request, reply) => {
      await deleteProductCollection(contextOf(request), request.params.productCollectionId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/product-collections/:productCollectionId/products',
    {
      schema: {
        tags,
        summary: 'List the products and SKUs in a collection now',
        params: Params,
        querystring: CollectionProductsQuery,
        response: { 200: ListOf('data', CollectionEntryObject) },
      },
    },
    async (request) => {
      const { starting_after, ...paging } = request.query;
      const query = {
        ...toListQuery(paging, byCreation),
        starting_after: starting_after === undefined ? undefined : new Date(starting_after).toISOString(),
      };
      const page = await listProductsInCollection(contextOf(request), request.params.productCollectionId, query);
      return listBody('data', page, toCollectionEntryObject);
    },
  );
}
