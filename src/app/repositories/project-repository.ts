import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Project } from '../../domain/projects/project.js';

export interface ProjectRepository {
  findById(id: string): Promise<Project | undefined>;
  insert(project: Project): Promise<void>;
  update(project: Project): Promise<void>;
  /** Removes the project with its keys and every object it owns. */
  delete(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<Project>>;
  count(): Promise<number>;
}
