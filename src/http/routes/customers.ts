import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { bulkUpdateCustomers, updateCustomersMetadata } from '../../app/customers/bulk-update-customers.js';
import { createCustomer } from '../../app/customers/create-customer.js';
import { getCustomer, listCustomers, summarizeCustomer } from '../../app/customers/customer-queries.js';
import { deleteCustomer } from '../../app/customers/delete-customer.js';
import { deleteCustomerPermanently } from '../../app/customers/delete-customer-permanently.js';
import { importCustomersCsv } from '../../app/customers/import-customers-csv.js';
import { updateCustomer } from '../../app/customers/update-customer.js';
import { upsertCustomerInProject } from '../../app/customers/upsert-customer.js';
import { toAsyncActionCreated } from '../../app/views/async-action-view.js';
import { toCustomerObject } from '../../app/views/customer-view.js';
import { AppError } from '../../domain/errors.js';
import { clientAudience, presentClientCustomer } from '../client-presenter.js';
import { readCsvUpload } from '../csv-upload.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { ClientCustomerObject } from '../schemas/client-customer.js';
import { AsyncActionCreated, IdParam, ListOf, Metadata, NoContent, SourceId, Text } from '../schemas/common.js';
import { CustomerCreateBody, CustomerFields, CustomerObject, CustomerUpdateBody } from '../schemas/customer.js';
import { PageQueryFields, toListQuery } from '../schemas/list-query.js';
import { SearchQueryField, toSearchText } from '../schemas/search-query.js';

const tags = ['customers'];
const Params = IdParam('customerId', "The customer's id or source_id");

const ListQuery = Type.Object({
  ...PageQueryFields,
  email: Type.Optional(Text(320)),
  city: Type.Optional(Text(200)),
  name: Type.Optional(Text(500)),
  segment_id: Type.Optional(Text(200)),
  search: SearchQueryField('name, email, source_id or id'),
  starting_after: Type.Optional(
    Type.String({ format: 'date-time', description: 'created_at cursor of customers.scroll' }),
  ),
});

export function registerCustomerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create or update (upsert by id or source_id) a customer',
        body: CustomerCreateBody,
        response: { 200: CustomerObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const customer = await createCustomer(ctx, request.body);
      return toCustomerObject(await summarizeCustomer(ctx.store, customer));
    },
  );

  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'List customers',
        querystring: ListQuery,
        response: { 200: ListOf('customers', CustomerObject) },
      },
    },
    async (request) => {
      const { email, city, name, segment_id, starting_after, search, ...paging } = request.query;
      if (segment_id !== undefined) {
        throw new AppError('missing_required_feature', {
          details: 'Filtering customers by segment is not supported yet',
        });
      }
      const query = toListQuery(paging, {
        sortFields: ['created_at', 'updated_at', 'name', 'email', 'source_id'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const page = await listCustomers(contextOf(request), query, {
        email,
        city,
        name,
        starting_after,
        search: toSearchText(search),
      });
      return listBody('customers', page, toCustomerObject, { hasMore: true });
    },
  );

  app.get(
    '/customers/:customerId',
    { schema: { tags, summary: 'Get a customer', params: Params, response: { 200: CustomerObject } } },
    async (request) => toCustomerObject(await getCustomer(contextOf(request), request.params.customerId)),
  );

  app.put(
    '/customers/:customerId',
    {
      schema: {
        tags,
        summary: 'Update a customer',
        params: Params,
        body: CustomerUpdateBody,
        response: { 200: CustomerObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const customer = await updateCustomer(ctx, request.params.customerId, request.body);
      return toCustomerObject(await summarizeCustomer(ctx.store, customer));
    },
  );

  app.delete(
    '/customers/:customerId',
    { schema: { tags, summary: 'Delete a customer', params: Params, response: { 204: NoContent } } },
    async (request, reply) => {
      await deleteCustomer(contextOf(request), request.params.customerId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/customers/:customerId/permanent-deletion',
    { schema: { tags, summary: 'Forget a customer and the orders that name it', params: Params } },
    async (request) => deleteCustomerPermanently(contextOf(request), request.params.customerId),
  );

  app.post(
    '/customers/bulk/async',
    {
      schema: {
        tags,
        summary: 'Update or create customers by source_id, asynchronously',
        body: Type.Array(Type.Object({ ...CustomerFields, source_id: SourceId() }), { minItems: 1, maxItems: 10_000 }),
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await bulkUpdateCustomers(contextOf(request), request.body))),
  );

  app.post(
    '/customers/metadata/async',
    {
      schema: {
        tags,
        summary: "Merge metadata into customers' metadata, asynchronously",
        body: Type.Object({
          source_ids: Type.Array(Text(500), { minItems: 1, maxItems: 10_000 }),
          metadata: Metadata,
        }),
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await updateCustomersMetadata(contextOf(request), request.body))),
  );

  app.post(
    '/customers/importCSV',
    {
      schema: {
        tags,
        summary: 'Import customers from a CSV file (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const csv = await readCsvUpload(request);
      return reply.status(202).send(toAsyncActionCreated(await importCustomersCsv(contextOf(request), csv)));
    },
  );
}

/**
 * `POST /client/v1/customers`, for storefronts, where the project allows it: a new customer is
 * created, an existing one is only named, never rewritten (the key is public).
 */
export function registerClientCustomerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer from a storefront; the answer shows only what the request gave',
        body: CustomerCreateBody,
        response: { 200: ClientCustomerObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!ctx.project.settings.client_create_customer_enabled) {
        throw new AppError('forbidden', {
          details: 'Creating customers with a client-side key is disabled for this project',
        });
      }
      const { id: _ignored, ...fields } = request.body;
      const customer = await upsertCustomerInProject(ctx, fields, 'create_only');
      return presentClientCustomer(customer, clientAudience(ctx.project, fields, customer.id));
    },
  );
}
