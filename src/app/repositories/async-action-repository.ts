import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';

export interface AsyncActionRepository {
  findById(id: string): Promise<AsyncAction | undefined>;
  insert(action: AsyncAction): Promise<void>;
  list(query: ListQuery): Promise<ListPage<AsyncAction>>;
}
