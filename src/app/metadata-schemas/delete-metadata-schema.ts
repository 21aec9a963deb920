import { notFound } from '../../domain/errors.js';
import type { SchemaContext } from './create-metadata-schema.js';

/** DELETE .../metadata-schemas/{id}: the schema goes; metadata already on objects stays, as in Voucherify. */
export async function deleteMetadataSchema(ctx: Pick<SchemaContext, 'store'>, id: string): Promise<void> {
  const deleted = await ctx.store.transaction((store) => store.metadataSchemas.delete(id));
  if (!deleted) throw notFound('metadata_schema', id);
}
