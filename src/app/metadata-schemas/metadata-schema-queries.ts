import { notFound } from '../../domain/errors.js';
import type { ProjectStore } from '../ports.js';
import type { StoredMetadataSchema } from '../repositories/metadata-schema-repository.js';

export async function getMetadataSchema(store: ProjectStore, id: string): Promise<StoredMetadataSchema> {
  const schema = await store.metadataSchemas.findById(id);
  if (!schema) throw notFound('metadata_schema', id);
  return schema;
}

/** GET /v1/metadata-schemas/{resource}: a resource without a schema is a 404. */
export async function getMetadataSchemaOf(store: ProjectStore, resource: string): Promise<StoredMetadataSchema> {
  const schema = await store.metadataSchemas.findByRelatedObject(resource);
  if (!schema) throw notFound('metadata_schema', resource);
  return schema;
}

export function listMetadataSchemas(store: ProjectStore): Promise<StoredMetadataSchema[]> {
  return store.metadataSchemas.list();
}
