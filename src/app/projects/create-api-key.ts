import type { Clock, Ids, Store } from '../ports.js';
import type { ApiKey, ApiKeyKind } from '../repositories/api-key-repository.js';
import { hashSecret } from './secret-hash.js';

/** A key as shown once to its owner: the secret is never stored, only its hash. */
export interface IssuedKey {
  app_id: string;
  app_token: string;
}

export interface IssueKeyOptions {
  kind: ApiKeyKind;
  projectId: string | null;
  name?: string | null;
  /** A key pair the operator chose (from the environment); generated when absent. */
  fixed?: { appId: string; secret: string };
}

export async function issueApiKey(store: Store, clock: Clock, ids: Ids, options: IssueKeyOptions): Promise<IssuedKey> {
  const appId = options.fixed?.appId ?? ids.newAppId();
  const secret = options.fixed?.secret ?? ids.newSecret();
  const key: ApiKey = {
    id: ids.newId('key_'),
    project_id: options.kind === 'management' ? null : options.projectId,
    kind: options.kind,
    app_id: appId,
    secret_hash: hashSecret(secret),
    name: options.name ?? null,
    created_at: clock.now().toISOString(),
  };
  await store.apiKeys.insert(key);
  return { app_id: appId, app_token: secret };
}
