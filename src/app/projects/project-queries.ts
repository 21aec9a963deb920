import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Project } from '../../domain/projects/project.js';
import type { Store } from '../ports.js';

export async function getProject(store: Store, id: string): Promise<Project> {
  const project = await store.projects.findById(id);
  if (!project) throw notFound('project', id);
  return project;
}

export function listProjects(store: Store, query: ListQuery): Promise<ListPage<Project>> {
  return store.projects.list(query);
}
