import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addCampaignVoucher, addCampaignVouchers } from '../../app/campaigns/add-campaign-vouchers.js';
import { getCampaign, getCampaignByRef, listCampaigns } from '../../app/campaigns/campaign-queries.js';
import { createCampaign } from '../../app/campaigns/create-campaign.js';
import { deleteCampaign } from '../../app/campaigns/delete-campaign.js';
import { importCampaignVouchers, importCampaignVouchersCsv } from '../../app/campaigns/import-campaign-vouchers.js';
import { setCampaignActive } from '../../app/campaigns/set-campaign-active.js';
import { updateCampaign } from '../../app/campaigns/update-campaign.js';
import { toAsyncActionCreated } from '../../app/views/async-action-view.js';
import { toCampaignObject } from '../../app/views/campaign-view.js';
import type { AppDeps } from '../app-deps.js';
import { readCsvUpload } from '../csv-upload.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import {
  AddVouchersQuery,
  CampaignCertainVoucherBody,
  CampaignCreateBody,
  CampaignImportBody,
  CampaignListFields,
  CampaignObject,
  CampaignParams,
  CampaignUpdateBody,
  CampaignVoucherBody,
} from '../schemas/campaign.js';
import { AsyncActionCreated, ListOf } from '../schemas/common.js';
import { PageQueryFields, toListQuery } from '../schemas/list-query.js';
import { CodeParam, VoucherObject } from '../schemas/voucher.js';
import { voucherViewPresenter } from '../voucher-presenter.js';

const tags = ['campaigns'];

const ForceQuery = Type.Object({
  force: Type.Optional(Type.Boolean({ description: 'Remove for good instead of moving to the bin' })),
});
const ListQuery = Type.Object({ ...PageQueryFields, ...CampaignListFields });
const CampaignVoucherParams = Type.Object({ ...CampaignParams.properties, ...CodeParam.properties });
/** Voucherify answers enable and disable with an empty object. */
const Empty = Type.Object({});

export function registerCampaignRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const single = { categories: true };

  app.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign and generate its codes',
        body: CampaignCreateBody,
        response: { 200: CampaignObject },
      },
    },
    async (request) => toCampaignObject(await createCampaign(contextOf(request), request.body), single),
  );

  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'List campaigns',
        querystring: ListQuery,
        response: { 200: ListOf('campaigns', CampaignObject) },
      },
    },
    async (request) => {
      const { campaign_type, campaign_status, expand, ...paging } = request.query;
      const query = toListQuery(paging, {
        sortFields: ['created_at', 'updated_at'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const page = await listCampaigns(contextOf(request), query, { campaign_type, campaign_status });
      return listBody('campaigns', page, (view) => toCampaignObject(view, { categories: expand === 'category' }));
    },
  );

  app.get(
    '/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Get a campaign by id or name',
        params: CampaignParams,
        response: { 200: CampaignObject },
      },
    },
    async (request) => toCampaignObject(await getCampaign(contextOf(request), request.params.campaignId), single),
  );

  app.put(
    '/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Update a campaign; its vouchers follow the template at once',
        params: CampaignParams,
        body: CampaignUpdateBody,
        response: { 200: CampaignObject },
      },
    },
    async (request) =>
      toCampaignObject(await updateCampaign(contextOf(request), request.params.campaignId, request.body ?? {}), single),
  );

  app.delete(
    '/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Move a campaign and its vouchers to the bin, or with force=true delete them, asynchronously',
        params: CampaignParams,
        querystring: ForceQuery,
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const action = await deleteCampaign(ctx, request.params.campaignId, { force: request.query.force === true });
      return reply.status(202).send(toAsyncActionCreated(action));
    },
  );

  for (const [action, active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(
      `/campaigns/:campaignId/${action}`,
      {
        schema: {
          tags,
          summary: `${active ? 'Enable' : 'Disable'} a campaign and so every voucher in it`,
          params: CampaignParams,
          response: { 200: Empty },
        },
      },
      async (request) => {
        await setCampaignActive(contextOf(request), request.params.campaignId, active);
        return {};
      },
    );
  }

  app.post(
    '/campaigns/:campaignId/vouchers',
    {
      schema: {
        tags,
        summary: 'Add vouchers to a campaign: one is answered at once, more are generated asynchronously',
        params: CampaignParams,
        querystring: AddVouchersQuery,
        body: CampaignVoucherBody,
        response: { 200: VoucherObject, 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const count = request.query.vouchers_count ?? 1;
      const added = await addCampaignVouchers(ctx, request.params.campaignId, request.body ?? {}, count);
      if ('action' in added) return reply.status(202).send(toAsyncActionCreated(added.action));
      return voucherViewPresenter(deps, ctx.project)(added.voucher);
    },
  );

  app.post(
    '/campaigns/:campaignId/vouchers/:code',
    {
      schema: {
        tags,
        summary: 'Add a voucher with this code to a campaign',
        params: CampaignVoucherParams,
        body: CampaignCertainVoucherBody,
        response: { 200: VoucherObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { campaignId, code } = request.params;
      return voucherViewPresenter(
        deps,
        ctx.project,
      )(await addCampaignVoucher(ctx, campaignId, code, request.body ?? {}));
    },
  );

  app.post(
    '/campaigns/:campaignId/import',
    {
      schema: {
        tags,
        summary: 'Import codes into a campaign, asynchronously',
        params: CampaignParams,
        body: CampaignImportBody,
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const action = await importCampaignVouchers(contextOf(request), request.params.campaignId, request.body);
      return reply.status(202).send(toAsyncActionCreated(action));
    },
  );

  app.post(
    '/campaigns/:campaignId/importCSV',
    {
      schema: {
        tags,
        summary: 'Import codes into a campaign from a CSV file (multipart field "file"), asynchronously',
        params: CampaignParams,
        consumes: ['multipart/form-data'],
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // An unknown campaign is a 404 whatever the upload holds.
      await getCampaignByRef(ctx.store, request.params.campaignId);
      const csv = await readCsvUpload(request);
      const action = await importCampaignVouchersCsv(ctx, request.params.campaignId, csv);
      return reply.status(202).send(toAsyncActionCreated(action));
    },
  );
}
