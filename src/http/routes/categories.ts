import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getCategory, listCategories } from '../../app/categories/category-queries.js';
import { createCategory } from '../../app/categories/create-category.js';
import { deleteCategory } from '../../app/categories/delete-category.js';
import { updateCategory } from '../../app/categories/update-category.js';
import { loadStackingRulesTypes } from '../../app/stacking/stacking-rules-queries.js';
import { toCategoryObject } from '../../app/views/category-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { CategoryCreateBody, CategoryObject, CategoryUpdateBody } from '../schemas/category.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { CursorQueryFields, PageQueryFields, toListQuery } from '../schemas/list-query.js';

const tags = ['categories'];
const Params = IdParam('categoryId', "The category's id");
const ListQuery = Type.Object({ ...PageQueryFields, starting_after_id: CursorQueryFields.starting_after_id });

export function registerCategoryRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/categories',
    {
      schema: {
        tags,
        summary: 'Create a category; names are unique in a project',
        body: CategoryCreateBody,
        response: { 200: CategoryObject },
      },
    },
    async (request) => toCategoryObject(await createCategory(contextOf(request), request.body)),
  );

  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'List categories',
        querystring: ListQuery,
        response: { 200: ListOf('data', CategoryObject) },
      },
    },
    async (request) => {
      const query = toListQuery(request.query, {
        sortFields: ['created_at', 'name', 'hierarchy'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const ctx = contextOf(request);
      const [page, typeOf] = await Promise.all([listCategories(ctx, query), loadStackingRulesTypes(ctx.store)]);
      return listBody('data', page, (c) => toCategoryObject(c, typeOf(c.id)), { cursor: (c) => c.id });
    },
  );

  app.get(
    '/categories/:categoryId',
    { schema: { tags, summary: 'Get a category', params: Params, response: { 200: CategoryObject } } },
    async (request) => {
      const ctx = contextOf(request);
      const category = await getCategory(ctx, request.params.categoryId);
      return toCategoryObject(category, (await loadStackingRulesTypes(ctx.store))(category.id));
    },
  );

  app.put(
    '/categories/:categoryId',
    {
      schema: {
        tags,
        summary: 'Update a category',
        params: Params,
        body: CategoryUpdateBody,
        response: { 200: CategoryObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const category = await updateCategory(ctx, request.params.categoryId, request.body);
      return toCategoryObject(category, (await loadStackingRulesTypes(ctx.store))(category.id));
    },
  );

  app.delete(
    '/categories/:categoryId',
    { schema: { tags, summary: 'Delete a category', params: Params, response: { 204: NoContent } } },
    async (request, reply) => {
      await deleteCategory(contextOf(request), request.params.categoryId);
      return reply.status(204).send();
    },
  );
}
