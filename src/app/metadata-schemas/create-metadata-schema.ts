import { AppError } from '../../domain/errors.js';
import type { MetadataSchema } from '../../domain/metadata-schemas/metadata-schema.js';
import {
  checkRelatedObject,
  invalidDefinition,
  parseDefinitions,
} from '../../domain/metadata-schemas/parse-definitions.js';
import type { ManagedProjectContext } from '../context.js';

/** What the metadata schema use cases need: the project's store, the time and new ids. */
export type SchemaContext = ManagedProjectContext;

export interface MetadataSchemaInput {
  related_object: string;
  properties: unknown;
  allow_defined_only?: boolean | null;
}

/**
 * POST /management/v1/projects/{projectId}/metadata-schemas: one schema per resource name; a
 * second is a 409 (the PUT adds definitions to the first). Refused whole when a definition is wrong.
 */
export async function createMetadataSchema(ctx: SchemaContext, input: MetadataSchemaInput): Promise<MetadataSchema> {
  const parsed = parseDefinitions(input.properties);
  const problems = [...checkRelatedObject(input.related_object), ...(parsed.ok ? [] : parsed.problems)];
  if (!parsed.ok || problems.length > 0) throw invalidDefinition(problems);
  const schema: MetadataSchema = {
    id: ctx.ids.newId('ms_'),
    related_object: input.related_object,
    properties: parsed.properties,
    allow_defined_only: input.allow_defined_only ?? false,
    created_at: ctx.clock.now().toISOString(),
    updated_at: null,
  };
  const inserted = await ctx.store.transaction((store) => store.metadataSchemas.insert(schema));
  if (!inserted) {
    throw new AppError('duplicate_found', {
      details: `A metadata schema for ${input.related_object} already exists; update it instead`,
      resource_type: 'metadata_schema',
    });
  }
  return schema;
}
