import { notFound } from '../../domain/errors.js';
import { applySettingsChanges, type Project } from '../../domain/projects/project.js';
import type { Clock, Store } from '../ports.js';
import type { ProjectInput } from './create-project.js';

export function updateProject(
  store: Store,
  clock: Clock,
  id: string,
  changes: Partial<ProjectInput>,
): Promise<Project> {
  return store.transaction(async (tx) => {
    const project = await tx.projects.findById(id);
    if (!project) throw notFound('project', id);
    const updated: Project = {
      ...project,
      name: changes.name ?? project.name,
      description: changes.description !== undefined ? changes.description : project.description,
      settings: applySettingsChanges(project.settings, changes.settings ?? {}),
      updated_at: clock.now().toISOString(),
    };
    await tx.projects.update(updated);
    return updated;
  });
}
