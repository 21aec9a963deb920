import type { Project } from '../../domain/projects/project.js';
import type { IssuedKey } from '../projects/create-api-key.js';

/** The management API's project object: the settings flattened beside id and name. */
export function toProjectObject(project: Project) {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    ...project.settings,
    webhook_token: project.webhook_token,
    created_at: project.created_at,
    updated_at: project.updated_at,
    object: 'project' as const,
  };
}

/** The create answer also carries the keys, whose secrets are shown only this once. */
export function toCreatedProjectObject(project: Project, serverKey: IssuedKey, clientKey: IssuedKey) {
  return { ...toProjectObject(project), server_side_key: serverKey, client_side_key: clientKey };
}
