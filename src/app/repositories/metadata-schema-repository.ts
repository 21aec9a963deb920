import type { MetadataSchema } from '../../domain/metadata-schemas/metadata-schema.js';

/** A schema as stored, with the version an update must name (optimistic concurrency). */
export interface StoredMetadataSchema extends MetadataSchema {
  version: number;
}

export interface MetadataSchemaRepository {
  findById(id: string): Promise<StoredMetadataSchema | undefined>;
  /** The schema of one resource name: one indexed lookup, run on every checked write. */
  findByRelatedObject(relatedObject: string): Promise<StoredMetadataSchema | undefined>;
  findByRelatedObjects(relatedObjects: readonly string[]): Promise<StoredMetadataSchema[]>;
  /** Inserts unless the resource already has a schema; answers whether it was inserted. */
  insert(schema: MetadataSchema): Promise<boolean>;
  /** Writes the schema if it is still at `version`, bumping it; answers whether it was. */
  update(schema: MetadataSchema, version: number): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Every schema of the project, oldest first; a project has a handful. */
  list(): Promise<StoredMetadataSchema[]>;
}
