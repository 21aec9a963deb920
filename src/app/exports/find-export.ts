import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';
import type { ExportRecord } from '../repositories/export-repository.js';

/** GET /exports/{id}: the export of any kind; 404 when there is none in the project. */
export async function getExport(ctx: ProjectContext, id: string): Promise<ExportRecord> {
  const record = await ctx.store.exports.findById(id);
  if (!record) throw notFound('export', id);
  return record;
}

/** GET /exports: a page of the project's exports. */
export function listExports(ctx: ProjectContext, query: ListQuery): Promise<ListPage<ExportRecord>> {
  return ctx.store.exports.list(query);
}

/** DELETE /exports/{id}: its link stops working at once. */
export async function deleteExport(ctx: ProjectContext, id: string): Promise<void> {
  if (!(await ctx.store.exports.delete(id))) throw notFound('export', id);
}
