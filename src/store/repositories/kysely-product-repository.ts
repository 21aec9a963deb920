import type { Kysely } from 'kysely';
import type { ProductRepository } from '../../app/repositories/product-repository.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database } from '../tables.js';

// SCAFFOLD: to be implemented; every method throws until then.
export class KyselyProductRepository implements ProductRepository {
  constructor(
    readonly db: Kysely<Database>,
    readonly projectId: string,
    readonly capabilities: DialectCapabilities,
  ) {
    return new Proxy(this, {
      get: (target, prop) =>
        prop in target
          ? Reflect.get(target, prop)
          : () => Promise.reject(new Error(`ProductRepository.${String(prop)} is not implemented`)),
    });
  }
}
export interface KyselyProductRepository extends ProductRepository {}
