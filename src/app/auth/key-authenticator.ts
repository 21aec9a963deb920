import { LRUCache } from 'lru-cache';
import type { Project } from '../../domain/projects/project.js';
import type { Store } from '../ports.js';
import { isSecretMatching } from '../projects/secret-hash.js';
import type { ApiKey, ApiKeyKind } from '../repositories/api-key-repository.js';

export interface Authenticated {
  key: ApiKey;
  /** Null for management keys. */
  project: Project | null;
}

interface CachedKey {
  key: ApiKey | null;
  project: Project | null;
}

/**
 * Checks key pairs on every request. Keys and their projects are cached for a few seconds, so
 * a busy checkout does not read them for every call; a revoked key or changed setting takes
 * effect within `cacheTtlMs` on every process, at once on this one (`forgetProject`).
 */
export class KeyAuthenticator {
  private readonly cache: LRUCache<string, CachedKey>;

  constructor(
    private readonly store: Store,
    cacheTtlMs = 5000,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: cacheTtlMs });
  }

  private async lookup(appId: string): Promise<CachedKey> {
    const cached = this.cache.get(appId);
    if (cached) return cached;
    const key = (await this.store.apiKeys.findByAppId(appId)) ?? null;
    const project = key?.project_id ? ((await this.store.projects.findById(key.project_id)) ?? null) : null;
    const entry = { key, project };
    this.cache.set(appId, entry);
    return entry;
  }

  /** The key and its project when the pair is valid for `kind`, else undefined. */
  async authenticate(kind: ApiKeyKind, appId: string, secret: string): Promise<Authenticated | undefined> {
    if (appId.length === 0 || appId.length > 200 || secret.length > 200) return undefined;
    const { key, project } = await this.lookup(appId);
    if (!key || !isSecretMatching(secret, key.secret_hash) || key.kind !== kind) return undefined;
    if (kind !== 'management' && !project) return undefined;
    return { key, project };
  }

  forgetProject(projectId: string): void {
    for (const [appId, entry] of this.cache.entries()) {
      if (entry.key?.project_id === projectId) this.cache.delete(appId);
    }
  }
}
