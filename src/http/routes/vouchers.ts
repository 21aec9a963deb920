import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { toAsyncActionCreated } from '../../app/views/async-action-view.js';
import type { VoucherView } from '../../app/views/voucher-view.js';
import { bulkUpdateVouchers, updateVouchersMetadata } from '../../app/vouchers/bulk-update-vouchers.js';
import { createVoucher } from '../../app/vouchers/create-voucher.js';
import { deleteVoucher } from '../../app/vouchers/delete-voucher.js';
import { importVouchers } from '../../app/vouchers/import-vouchers.js';
import { importVouchersCsv } from '../../app/vouchers/import-vouchers-csv.js';
import { setVoucherActive } from '../../app/vouchers/set-voucher-active.js';
import { updateVoucher } from '../../app/vouchers/update-voucher.js';
import { getVoucher, listVouchers } from '../../app/vouchers/voucher-queries.js';
import type { AppDeps } from '../app-deps.js';
import { readCsvUpload } from '../csv-upload.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { AsyncActionCreated, ListOf, NoContent, Text } from '../schemas/common.js';
import { PageQueryFields, toListQuery } from '../schemas/list-query.js';
import { SearchQueryField, toSearchText } from '../schemas/search-query.js';
import {
  CodeParam,
  VoucherBulkBody,
  VoucherCreateBody,
  VoucherImportBody,
  VoucherMetadataBody,
  VoucherObject,
  VoucherUpdateBody,
} from '../schemas/voucher.js';
import { voucherViewPresenter } from '../voucher-presenter.js';

const tags = ['vouchers'];

const ForceQuery = Type.Object({
  force: Type.Optional(Type.Boolean({ description: 'Remove for good instead of moving to the bin' })),
});

const ListQuery = Type.Object({
  ...PageQueryFields,
  campaign: Type.Optional(Text(500)),
  campaign_id: Type.Optional(Text(200)),
  category: Type.Optional(Text(200)),
  category_id: Type.Optional(Text(200)),
  customer: Type.Optional(Text(500)),
  code: Type.Optional(Text(500)),
  search: SearchQueryField('code'),
});

/** How this server shows a voucher: its image links carry the public URL and the project's signature. */

export function registerVoucherRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const present = (request: FastifyRequest, view: VoucherView) =>
    voucherViewPresenter(deps, contextOf(request).project)(view);

  // Also `POST /vouchers/`, the SDK's path for a voucher without a code: the router ignores the trailing slash.
  app.post(
    '/vouchers',
    {
      schema: {
        tags,
        summary: "Create a voucher with the body's code, or a generated one",
        body: VoucherCreateBody,
        response: { 200: VoucherObject },
      },
    },
    async (request) => {
      const { code, ...input } = request.body;
      return present(request, await createVoucher(contextOf(request), code ?? undefined, input));
    },
  );

  app.post(
    '/vouchers/:code',
    {
      schema: {
        tags,
        summary: 'Create a voucher with this code',
        params: CodeParam,
        body: VoucherCreateBody,
        response: { 200: VoucherObject },
      },
    },
    async (request) => {
      const { code: _ignored, ...input } = request.body ?? {};
      return present(request, await createVoucher(contextOf(request), request.params.code, input));
    },
  );

  app.get(
    '/vouchers',
    {
      schema: {
        tags,
        summary: 'List vouchers',
        querystring: ListQuery,
        response: { 200: ListOf('vouchers', VoucherObject) },
      },
    },
    async (request) => {
      const { campaign, campaign_id, category, category_id, customer, code, search, ...paging } = request.query;
      const query = toListQuery(paging, {
        sortFields: ['created_at', 'updated_at', 'code'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const ctx = contextOf(request);
      const page = await listVouchers(ctx, query, {
        campaign,
        campaign_id,
        category,
        category_id,
        customer,
        code,
        search: toSearchText(search),
      });
      return listBody('vouchers', page, voucherViewPresenter(deps, ctx.project));
    },
  );

  app.get(
    '/vouchers/:code',
    { schema: { tags, summary: 'Get a voucher by code (or id)', params: CodeParam, response: { 200: VoucherObject } } },
    async (request) => present(request, await getVoucher(contextOf(request), request.params.code)),
  );

  app.put(
    '/vouchers/:code',
    {
      schema: {
        tags,
        summary: 'Update a voucher',
        params: CodeParam,
        body: VoucherUpdateBody,
        response: { 200: VoucherObject },
      },
    },
    async (request) => {
      const { code: _ignored, ...input } = request.body ?? {};
      return present(request, await updateVoucher(contextOf(request), request.params.code, input));
    },
  );

  app.delete(
    '/vouchers/:code',
    {
      schema: {
        tags,
        summary: 'Move a voucher to the bin, or with force=true delete it for good',
        params: CodeParam,
        querystring: ForceQuery,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteVoucher(contextOf(request), request.params.code, { force: request.query.force === true });
      return reply.status(204).send();
    },
  );

  for (const [action, active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(
      `/vouchers/:code/${action}`,
      {
        schema: {
          tags,
          summary: `${active ? 'Enable' : 'Disable'} a voucher`,
          params: CodeParam,
          response: { 200: VoucherObject },
        },
      },
      async (request) => present(request, await setVoucherActive(contextOf(request), request.params.code, active)),
    );
  }

  app.post(
    '/vouchers/import',
    {
      schema: {
        tags,
        summary: 'Import standalone vouchers with their codes, asynchronously',
        body: VoucherImportBody,
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await importVouchers(contextOf(request), request.body))),
  );

  app.post(
    '/vouchers/importCSV',
    {
      schema: {
        tags,
        summary: 'Import vouchers from a CSV file (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const csv = await readCsvUpload(request);
      return reply.status(202).send(toAsyncActionCreated(await importVouchersCsv(contextOf(request), csv)));
    },
  );

  app.post(
    '/vouchers/bulk/async',
    {
      schema: {
        tags,
        summary: "Merge each voucher's metadata, asynchronously",
        body: VoucherBulkBody,
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await bulkUpdateVouchers(contextOf(request), request.body))),
  );

  app.post(
    '/vouchers/metadata/async',
    {
      schema: {
        tags,
        summary: 'Merge the same metadata into every listed voucher, asynchronously',
        body: VoucherMetadataBody,
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await updateVouchersMetadata(contextOf(request), request.body))),
  );
}
