import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Project } from '../../domain/projects/project.js';
import type { ManagedProjectContext } from '../context.js';
import type { Clock, Ids, Store } from '../ports.js';

export async function getProject(store: Store, id: string): Promise<Project> {
  const project = await store.projects.findById(id);
  if (!project) throw notFound('project', id);
  return project;
}

/** The context management use cases run in, for a project named by the path; 404 when there is none. */
export async function managedProjectContext(
  deps: { store: Store; clock: Clock; ids: Ids },
  projectId: string,
): Promise<ManagedProjectContext> {
  const project = await getProject(deps.store, projectId);
  return { store: deps.store.forProject(project.id), clock: deps.clock, ids: deps.ids };
}

export function listProjects(store: Store, query: ListQuery): Promise<ListPage<Project>> {
  return store.projects.list(query);
}
