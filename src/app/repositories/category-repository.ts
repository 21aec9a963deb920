import type { Category } from '../../domain/categories/category.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';

export interface CategoryRepository {
  findById(id: string): Promise<Category | undefined>;
  findByName(name: string): Promise<Category | undefined>;
  /** Inserts unless the name is taken; answers whether it inserted. */
  insert(category: Category): Promise<boolean>;
  update(category: Category): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<Category>>;
}
