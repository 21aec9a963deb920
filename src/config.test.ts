import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data and port 8080 on localhost', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, logLevel: 'info', serverKey: null });
    expect(config.database).toMatchObject({ kind: 'sqlite' });
    expect(config.database.kind === 'sqlite' && config.database.file.endsWith('/data/vouch.db')).toBe(true);
  });

  it('switches to PostgreSQL for a postgres:// URL', () => {
    expect(loadConfig({ VOUCH_DB: 'postgres://u@db:5432/vouch' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/vouch',
    });
    expect(loadConfig({ VOUCH_DB: 'postgresql://u@db/vouch' }).database.kind).toBe('postgres');
  });

  it('reads key pairs given together', () => {
    const config = loadConfig({ VOUCH_APP_ID: 'app', VOUCH_SECRET_KEY: 'a-secret-of-16-chars' });
    expect(config.serverKey).toEqual({ appId: 'app', secret: 'a-secret-of-16-chars' });
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ VOUCH_DB: 'mysql://x' }, /VOUCH_DB must be a file path or a postgres:\/\/ URL/],
    [{ VOUCH_DB: 'postgres://[bad' }, /VOUCH_DB is not a valid postgres:\/\/ URL/],
    [{ VOUCH_APP_ID: 'only-the-id' }, /VOUCH_APP_ID and VOUCH_SECRET_KEY must be set together/],
    [{ VOUCH_APP_ID: 'id', VOUCH_SECRET_KEY: 'short' }, /at least 16 characters/],
    [{ VOUCH_LOG_LEVEL: 'loud' }, /VOUCH_LOG_LEVEL must be one of/],
    [{ VOUCH_BODY_LIMIT: '12' }, /VOUCH_BODY_LIMIT/],
    [
      {
        VOUCH_APP_ID: 'same',
        VOUCH_SECRET_KEY: 'a-secret-of-16-chars',
        VOUCH_MANAGEMENT_ID: 'same',
        VOUCH_MANAGEMENT_TOKEN: 'a-secret-of-16-chars',
      },
      /must differ/,
    ],
  ];
  it.each(bad)('refuses %j with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
