import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { voucherAssets } from '../../app/assets/asset-links.js';
import type { ProjectContext } from '../../app/context.js';
import { createExport } from '../../app/exports/create-export.js';
import { downloadExport } from '../../app/exports/download-export.js';
import { toExportObject } from '../../app/exports/export-view.js';
import { deleteExport, getExport, listExports } from '../../app/exports/find-export.js';
import type { ExportRecord } from '../../app/repositories/export-repository.js';
import type { AppDeps } from '../app-deps.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { ExportCreateBody, ExportDownloadQuery, ExportListQuery, ExportObject } from '../schemas/export.js';
import { toListQuery } from '../schemas/list-query.js';

const tags = ['exports'];
const ExportIdParams = IdParam('exportId', 'The export id');
/** Every export reads DONE, so sorting by status leaves them in creation order. */
const exportOrder = {
  sortFields: ['created_at', 'status'],
  defaultOrder: { field: 'created_at', direction: 'desc' },
} as const;

/** Exports of vouchers (and, created on the card, of a gift card's ledger): create, read, download, list, delete. */
export function registerExportRoutes(fastify: FastifyInstance, deps: Pick<AppDeps, 'publicUrl'>): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const done = (record: ExportRecord) =>
    toExportObject(record, {
      url: `${deps.publicUrl}/v1/exports/${encodeURIComponent(record.id)}?token=${encodeURIComponent(record.token)}`,
    });
  const assetsOf = (ctx: ProjectContext) => (code: string) =>
    voucherAssets(deps.publicUrl, ctx.project.id, ctx.project.webhook_token, code);

  app.post(
    '/exports',
    {
      schema: {
        tags,
        summary: "Export the project's vouchers (or some campaigns') as CSV; read the export to get its link",
        body: ExportCreateBody,
        response: { 200: ExportObject },
      },
    },
    async (request) => toExportObject(await createExport(contextOf(request), request.body), null),
  );

  app.get(
    '/exports',
    {
      schema: {
        tags,
        summary: "List the project's exports, newest first",
        querystring: ExportListQuery,
        response: { 200: ListOf('exports', ExportObject) },
      },
    },
    async (request) => {
      const query = toListQuery(request.query, exportOrder);
      const ordered =
        query.order.field === 'status' ? { ...query, order: { ...query.order, field: 'created_at' } } : query;
      return listBody('exports', await listExports(contextOf(request), ordered), done);
    },
  );

  app.get(
    '/exports/:exportId',
    {
      schema: {
        tags,
        summary: 'Read an export; with its token, download its CSV file',
        params: ExportIdParams,
        querystring: ExportDownloadQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { exportId } = request.params;
      if (request.query.token !== undefined) {
        const csv = await downloadExport(ctx, exportId, request.query.token, assetsOf(ctx));
        return reply.type('text/csv; charset=utf-8').send(csv);
      }
      return done(await getExport(ctx, exportId));
    },
  );

  app.delete(
    '/exports/:exportId',
    {
      schema: {
        tags,
        summary: 'Delete an export; its download link stops working',
        params: ExportIdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteExport(contextOf(request), request.params.exportId);
      return reply.code(204).send();
    },
  );
}
