import { AppError } from '../../domain/errors.js';
import type { Ids, Store } from '../ports.js';
import type { ApiKey } from '../repositories/api-key-repository.js';
import type { IssuedKey } from './create-api-key.js';
import { hashSecret } from './secret-hash.js';

/** A project's key as the dashboard lists it: never its secret, which only its hash holds. */
export type ListedKey = Omit<ApiKey, 'secret_hash'>;

export async function listProjectKeys(store: Store, projectId: string): Promise<ListedKey[]> {
  const keys = await store.apiKeys.listForProject(projectId);
  return keys.map(({ secret_hash: _hash, ...key }) => key);
}

/**
 * Gives a project's key a new secret, shown this once; the old one stops working at once on this
 * process and, as key lookups are cached for a few seconds, within those seconds on the others.
 */
export async function rotateApiKey(store: Store, ids: Ids, projectId: string, keyId: string): Promise<IssuedKey> {
  const key = (await store.apiKeys.listForProject(projectId)).find((candidate) => candidate.id === keyId);
  if (!key) throw new AppError('not_found', { details: `Cannot find key with id ${keyId} in this project` });
  // Every start sets such a key's secret from the environment again: a rotation here would be undone.
  if (key.name?.endsWith('(environment)')) {
    throw new AppError('forbidden', {
      details: 'This key is set in the environment (VOUCH_APP_ID and its secret, ...): change its secret there',
    });
  }
  const secret = ids.newSecret();
  await store.apiKeys.replaceSecretHash(key.id, hashSecret(secret));
  return { app_id: key.app_id, app_token: secret };
}
