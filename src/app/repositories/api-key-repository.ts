export type ApiKeyKind = 'server' | 'client' | 'management';

export interface ApiKey {
  id: string;
  project_id: string | null;
  kind: ApiKeyKind;
  app_id: string;
  secret_hash: string;
  name: string | null;
  created_at: string;
}

export interface ApiKeyRepository {
  findByAppId(appId: string): Promise<ApiKey | undefined>;
  insert(key: ApiKey): Promise<void>;
  listForProject(projectId: string): Promise<ApiKey[]>;
  replaceSecretHash(id: string, secretHash: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}
