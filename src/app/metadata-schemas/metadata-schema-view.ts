import type { MetadataSchema, PropertyDefinition } from '../../domain/metadata-schemas/metadata-schema.js';

/** A definition as the management API writes it: `deleted` only when true. */
export type ManagementDefinitionObject = Omit<PropertyDefinition, 'deleted'> & { deleted?: boolean };

/** The same in the camelCase spelling `/v1/metadata-schemas` and the SDK use. */
export type V1DefinitionObject = Omit<
  ManagementDefinitionObject,
  'object_type' | 'min_length' | 'max_length' | 'exact_length'
> & { objectType: string | null; minLength?: number; maxLength?: number; exactLength?: number };

export interface MetadataSchemaObject<D> {
  id: string;
  related_object: string;
  properties: Record<string, D>;
  allow_defined_only: boolean;
  created_at: string;
  updated_at: string | null;
  object: 'metadata_schema';
}

function toManagementDefinition(definition: PropertyDefinition): ManagementDefinitionObject {
  const { deleted, ...rest } = definition;
  return deleted ? { ...rest, deleted: true } : rest;
}

function toV1Definition(definition: PropertyDefinition): V1DefinitionObject {
  const { object_type, min_length, max_length, exact_length, ...rest } = toManagementDefinition(definition);
  return {
    ...rest,
    objectType: object_type,
    ...(min_length !== undefined ? { minLength: min_length } : {}),
    ...(max_length !== undefined ? { maxLength: max_length } : {}),
    ...(exact_length !== undefined ? { exactLength: exact_length } : {}),
  };
}

function toSchemaObject<D>(schema: MetadataSchema, present: (d: PropertyDefinition) => D): MetadataSchemaObject<D> {
  return {
    id: schema.id,
    related_object: schema.related_object,
    properties: Object.fromEntries(Object.entries(schema.properties).map(([name, d]) => [name, present(d)])),
    allow_defined_only: schema.allow_defined_only,
    created_at: schema.created_at,
    updated_at: schema.updated_at,
    object: 'metadata_schema',
  };
}

/** The management API's spelling (snake_case). */
export function toManagementMetadataSchemaObject(schema: MetadataSchema) {
  return toSchemaObject(schema, toManagementDefinition);
}

/** `/v1/metadata-schemas` answers in the SDK's older camelCase spelling. */
export function toV1MetadataSchemaObject(schema: MetadataSchema) {
  return toSchemaObject(schema, toV1Definition);
}
