import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';

export async function getAsyncAction(ctx: ProjectContext, id: string): Promise<AsyncAction> {
  const action = await ctx.store.asyncActions.findById(id);
  if (!action) throw notFound('async_action', id);
  return action;
}

export function listAsyncActions(ctx: ProjectContext, query: ListQuery): Promise<ListPage<AsyncAction>> {
  return ctx.store.asyncActions.list(query);
}
