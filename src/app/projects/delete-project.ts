import { notFound } from '../../domain/errors.js';
import type { Store } from '../ports.js';

/** Removes a project, its keys and all it owns, in one transaction. */
export async function deleteProject(store: Store, id: string): Promise<void> {
  const deleted = await store.transaction((tx) => tx.projects.delete(id));
  if (!deleted) throw notFound('project', id);
}
