import type { Metadata } from '../../domain/metadata.js';
import {
  type CheckMode,
  checkMetadataAgainstSchema,
  metadataValidationFailed,
} from '../../domain/metadata-schemas/check-metadata.js';
import type { MetadataResource, MetadataRules } from '../../domain/metadata-schemas/metadata-schema.js';
import type { ProjectStore } from '../ports.js';

/** The custom schemas a schema's live object properties follow. */
function nestedNames(rules: MetadataRules, metadata: Metadata): string[] {
  const names = new Set<string>();
  for (const [key, definition] of Object.entries(rules.properties)) {
    if (definition.deleted || definition.object_type === null || !Object.hasOwn(metadata, key)) continue;
    names.add(definition.object_type);
  }
  return [...names];
}

/**
 * Refuses metadata that breaks the project's schema for the resource with
 * `metadata_validation_failed` naming the fields. Called on every write of metadata, in the
 * write's transaction: a project without a schema for the resource costs one indexed lookup; the
 * nested schemas are read only when the metadata holds a nested object.
 */
export async function checkMetadata(
  store: ProjectStore,
  resource: MetadataResource,
  metadata: Metadata | null | undefined,
  mode: CheckMode = 'whole',
): Promise<void> {
  const schema = await store.metadataSchemas.findByRelatedObject(resource);
  if (!schema) return;
  const given = metadata ?? {};
  const names = nestedNames(schema, given);
  const nested = new Map((await store.metadataSchemas.findByRelatedObjects(names)).map((s) => [s.related_object, s]));
  const problems = checkMetadataAgainstSchema(schema, given, { mode, nested: (name) => nested.get(name) });
  if (problems.length > 0) throw metadataValidationFailed(problems);
}
