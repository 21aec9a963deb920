import { AppError } from '../../domain/errors.js';
import type { MetadataSchema } from '../../domain/metadata-schemas/metadata-schema.js';
import {
  invalidDefinition,
  mergeDefinitions,
  parseDefinitions,
} from '../../domain/metadata-schemas/parse-definitions.js';
import type { SchemaContext } from './create-metadata-schema.js';
import { getMetadataSchema } from './metadata-schema-queries.js';

export interface MetadataSchemaChanges {
  properties?: unknown;
  allow_defined_only?: boolean | null;
}

/** Concurrent updates of one schema each retry on the other's result; this many tries is plenty. */
const MAX_ATTEMPTS = 20;

/**
 * PUT .../metadata-schemas/{id}: definitions sent replace those of the same name whole, the others
 * stay; a property's type cannot change; `deleted: true` removes a definition. Two concurrent
 * updates both land: the write names the version it read, and the loser merges again on top.
 */
export async function updateMetadataSchema(
  ctx: SchemaContext,
  id: string,
  changes: MetadataSchemaChanges,
): Promise<MetadataSchema> {
  const sent =
    changes.properties === undefined || changes.properties === null
      ? { ok: true as const, properties: {} }
      : parseDefinitions(changes.properties);
  if (!sent.ok) throw invalidDefinition(sent.problems);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const updated = await ctx.store.transaction(async (store) => {
      const stored = await getMetadataSchema(store, id);
      const merged = mergeDefinitions(stored.properties, sent.properties);
      if (!merged.ok) throw invalidDefinition(merged.problems);
      const { version, ...current } = stored;
      const next: MetadataSchema = {
        ...current,
        properties: merged.properties,
        allow_defined_only: changes.allow_defined_only ?? stored.allow_defined_only,
        updated_at: ctx.clock.now().toISOString(),
      };
      return (await store.metadataSchemas.update(next, version)) ? next : undefined;
    });
    if (updated) return updated;
  }
  throw new AppError('service_unavailable', {
    details: 'The metadata schema is being updated by many requests at once',
  });
}
