import type { Kysely } from 'kysely';

/** Projects and keys, the catalog (customers, products, SKUs, collections, categories), orders and async actions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('webhook_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('api_keys_project').on('api_keys').columns(['project_id', 'kind']).execute();

  await db.schema
    .createTable('system_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('birthdate', 'text')
    .addColumn('birthday', 'text')
    .addColumn('address', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addUniqueConstraint('customers_source_id', ['project_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('customers_created')
    .on('customers')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('customers_email').on('customers').columns(['project_id', 'email']).execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('name', 'text')
    .addColumn('price', 'bigint')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('products_source_id', ['project_id', 'source_id'])
    .execute();
  await db.schema.createIndex('products_created').on('products').columns(['project_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('skus')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('sku', 'text')
    .addColumn('price', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('skus_source_id', ['project_id', 'source_id'])
    .execute();
  await db.schema.createIndex('skus_product').on('skus').columns(['project_id', 'product_id', 'created_at']).execute();

  await db.schema
    .createTable('product_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('filter', 'text')
    .addColumn('products', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('product_collections_created')
    .on('product_collections')
    .columns(['project_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hierarchy', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addUniqueConstraint('categories_name', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('initial_amount', 'bigint', (c) => c.notNull())
    .addColumn('discount_amount', 'bigint', (c) => c.notNull())
    .addColumn('items_discount_amount', 'bigint', (c) => c.notNull())
    .addColumn('total_discount_amount', 'bigint', (c) => c.notNull())
    .addColumn('total_amount', 'bigint', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('referrer_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addUniqueConstraint('orders_source_id', ['project_id', 'source_id'])
    .execute();
  await db.schema.createIndex('orders_created').on('orders').columns(['project_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('orders_customer').on('orders').columns(['project_id', 'customer_id']).execute();

  await db.schema
    .createTable('async_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('operation_status', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('processing_time', 'bigint')
    .addColumn('request_id', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('async_actions_created')
    .on('async_actions')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('async_actions_queue').on('async_actions').columns(['status', 'created_at']).execute();
}
