import type { Category } from '../../domain/categories/category.js';
import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

export async function getCategoryIn(store: ProjectStore, id: string): Promise<Category> {
  const category = await store.categories.findById(id);
  if (!category) throw notFound('category', id);
  return category;
}

export function getCategory(ctx: ProjectContext, id: string): Promise<Category> {
  return getCategoryIn(ctx.store, id);
}

export function listCategories(ctx: ProjectContext, query: ListQuery): Promise<ListPage<Category>> {
  return ctx.store.categories.list(query);
}
