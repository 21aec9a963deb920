import {
  applySettingsChanges,
  defaultProjectSettings,
  type Project,
  type ProjectSettings,
} from '../../domain/projects/project.js';
import type { Clock, Ids, Store } from '../ports.js';
import { type IssuedKey, issueApiKey } from './create-api-key.js';

export interface ProjectInput {
  name: string;
  description?: string | null;
  settings?: Partial<ProjectSettings>;
}

export interface CreatedProject {
  project: Project;
  server_side_key: IssuedKey;
  client_side_key: IssuedKey;
}

export interface CreateProjectOptions {
  /** Key pairs the operator fixed in the environment, used instead of generated ones. */
  serverKey?: { appId: string; secret: string } | null;
  clientKey?: { appId: string; secret: string } | null;
}

/** A project with one server-side and one client-side key, created together. */
export function createProject(
  store: Store,
  clock: Clock,
  ids: Ids,
  input: ProjectInput,
  options: CreateProjectOptions = {},
): Promise<CreatedProject> {
  const now = clock.now().toISOString();
  const project: Project = {
    id: ids.newId('proj_'),
    name: input.name,
    description: input.description ?? null,
    settings: applySettingsChanges(defaultProjectSettings(), input.settings ?? {}),
    webhook_token: ids.newSecret(),
    created_at: now,
    updated_at: null,
  };
  return store.transaction(async (tx) => {
    await tx.projects.insert(project);
    const serverKey = await issueApiKey(tx, clock, ids, {
      kind: 'server',
      projectId: project.id,
      name: 'server-side',
      fixed: options.serverKey ?? undefined,
    });
    const clientKey = await issueApiKey(tx, clock, ids, {
      kind: 'client',
      projectId: project.id,
      name: 'client-side',
      fixed: options.clientKey ?? undefined,
    });
    return { project, server_side_key: serverKey, client_side_key: clientKey };
  });
}
