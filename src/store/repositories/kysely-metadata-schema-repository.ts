import type { Kysely } from 'kysely';
import type {
  MetadataSchemaRepository,
  StoredMetadataSchema,
} from '../../app/repositories/metadata-schema-repository.js';
import type { MetadataSchema, PropertyDefinitions } from '../../domain/metadata-schemas/metadata-schema.js';
import { fromJson, toJson } from '../json-columns.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, MetadataSchemasTable } from '../tables.js';

type SchemaRow = Omit<MetadataSchemasTable, 'project_id'>;

const COLUMNS = [
  'id',
  'related_object',
  'properties',
  'allow_defined_only',
  'version',
  'created_at',
  'updated_at',
] as const;

function toSchema(row: SchemaRow): StoredMetadataSchema {
  return {
    id: row.id,
    related_object: row.related_object,
    properties: fromJson<PropertyDefinitions>(row.properties, {}),
    allow_defined_only: Boolean(row.allow_defined_only),
    created_at: row.created_at,
    updated_at: row.updated_at,
    version: Number(row.version),
  };
}

/** Every write of metadata (each redemption's among them) checks it against the project's schemas. */
const allOfProject = new PreparedQuery((db, projectId: string) =>
  db
    .selectFrom('metadata_schemas')
    .select(COLUMNS)
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id'),
);

/**
 * The project's schemas, read once per store (a store lives for one request or one transaction):
 * a redemption checks its own metadata and its order's, and pays one query for both. A write
 * through this store forgets what was read.
 */
export class KyselyMetadataSchemaRepository implements MetadataSchemaRepository {
  private byRelatedObject: Promise<Map<string, StoredMetadataSchema>> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db.selectFrom('metadata_schemas').select(COLUMNS).where('project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<StoredMetadataSchema | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toSchema(row);
  }

  private schemasByRelatedObject(): Promise<Map<string, StoredMetadataSchema>> {
    this.byRelatedObject ??= this.list().then((schemas) => new Map(schemas.map((s) => [s.related_object, s])));
    return this.byRelatedObject;
  }

  async findByRelatedObject(relatedObject: string): Promise<StoredMetadataSchema | undefined> {
    return (await this.schemasByRelatedObject()).get(relatedObject);
  }

  async findByRelatedObjects(relatedObjects: readonly string[]): Promise<StoredMetadataSchema[]> {
    if (relatedObjects.length === 0) return [];
    const schemas = await this.schemasByRelatedObject();
    return relatedObjects.flatMap((name) => schemas.get(name) ?? []);
  }

  async insert(schema: MetadataSchema): Promise<boolean> {
    this.byRelatedObject = undefined;
    const result = await this.db
      .insertInto('metadata_schemas')
      .values({
        id: schema.id,
        project_id: this.projectId,
        related_object: schema.related_object,
        properties: toJson(schema.properties),
        allow_defined_only: schema.allow_defined_only ? 1 : 0,
        version: 1,
        created_at: schema.created_at,
        updated_at: schema.updated_at,
      })
      .onConflict((oc) => oc.columns(['project_id', 'related_object']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(schema: MetadataSchema, version: number): Promise<boolean> {
    this.byRelatedObject = undefined;
    const result = await this.db
      .updateTable('metadata_schemas')
      .set({
        properties: toJson(schema.properties),
        allow_defined_only: schema.allow_defined_only ? 1 : 0,
        updated_at: schema.updated_at,
        version: version + 1,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', schema.id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string): Promise<boolean> {
    this.byRelatedObject = undefined;
    const result = await this.db
      .deleteFrom('metadata_schemas')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(): Promise<StoredMetadataSchema[]> {
    const rows = await allOfProject.rows(this.db, this.projectId);
    return rows.map(toSchema);
  }
}
