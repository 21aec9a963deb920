import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, withoutCredentials } from './config.js';

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

  it('limits requests and code guesses by default, counting in memory, believing only a local proxy', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeNull();
    expect(config.limits).toEqual({
      requests: { perKey: 6000, perAddress: 3000, windowSeconds: 60 },
      guesses: { perAddress: 100, perClientKey: 2000 },
    });
    expect(config.trustProxy).toEqual(['loopback']);
  });

  it('reads the limits, Redis and the trusted proxies; 0 turns a limit off', () => {
    const config = loadConfig({
      VOUCH_REDIS: 'redis://cache.internal:6379/2',
      VOUCH_RATE_LIMIT_PER_KEY: '0',
      VOUCH_RATE_LIMIT_PER_IP: '120',
      VOUCH_RATE_LIMIT_WINDOW_SECONDS: '3600',
      VOUCH_GUESS_LIMIT_PER_IP: '0',
      VOUCH_GUESS_LIMIT_PER_CLIENT_KEY: '500',
      VOUCH_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1',
    });
    expect(config.redisUrl).toBe('redis://cache.internal:6379/2');
    expect(config.limits).toEqual({
      requests: { perKey: 0, perAddress: 120, windowSeconds: 3600 },
      guesses: { perAddress: 0, perClientKey: 500 },
    });
    expect(config.trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(loadConfig({ VOUCH_REDIS: 'rediss://u:p@cache:6380' }).redisUrl).toBe('rediss://u:p@cache:6380');
    expect(loadConfig({ VOUCH_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ VOUCH_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('sweeps time-dependent segments every 300 seconds unless told otherwise; 0 turns it off', () => {
    expect(loadConfig({}).segmentSweepSeconds).toBe(300);
    expect(loadConfig({ VOUCH_SEGMENT_SWEEP_SECONDS: '0' }).segmentSweepSeconds).toBe(0);
    expect(loadConfig({ VOUCH_SEGMENT_SWEEP_SECONDS: '60' }).segmentSweepSeconds).toBe(60);
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
    [{ VOUCH_REDIS: 'http://cache:6379' }, /VOUCH_REDIS must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ VOUCH_REDIS: 'redis://[bad' }, /VOUCH_REDIS must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ VOUCH_RATE_LIMIT_PER_KEY: '-1' }, /VOUCH_RATE_LIMIT_PER_KEY must be a whole number \(0 turns the limit off\)/],
    [{ VOUCH_RATE_LIMIT_PER_IP: 'lots' }, /VOUCH_RATE_LIMIT_PER_IP must be a whole number/],
    [
      { VOUCH_RATE_LIMIT_WINDOW_SECONDS: '0' },
      /VOUCH_RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1 to 86400/,
    ],
    [{ VOUCH_GUESS_LIMIT_PER_IP: '1.5' }, /VOUCH_GUESS_LIMIT_PER_IP must be a whole number/],
    [{ VOUCH_GUESS_LIMIT_PER_CLIENT_KEY: '1e9' }, /VOUCH_GUESS_LIMIT_PER_CLIENT_KEY must be a whole number/],
    [{ VOUCH_TRUST_PROXY: '10.0.0.0/33' }, /VOUCH_TRUST_PROXY must be .*"10.0.0.0\/33" is none of them/],
    [{ VOUCH_TRUST_PROXY: 'loopback,proxy.example.com' }, /"proxy.example.com" is none of them/],
    [{ VOUCH_TRUST_PROXY: '2' }, /VOUCH_TRUST_PROXY must be true, false or a list/],
    [{ VOUCH_SEGMENT_SWEEP_SECONDS: '-5' }, /VOUCH_SEGMENT_SWEEP_SECONDS must be a whole number/],
    [{ VOUCH_SEGMENT_SWEEP_SECONDS: '1.5' }, /VOUCH_SEGMENT_SWEEP_SECONDS must be a whole number/],
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

describe('withoutCredentials', () => {
  it('masks the user and password of a URL that is printed in an error', () => {
    expect(withoutCredentials('postgres://u:pw@[bad')).toBe('postgres://***@[bad');
    expect(withoutCredentials('redis://:secret@host:6379')).toBe('redis://***@host:6379');
    expect(withoutCredentials('./data/vouch.db')).toBe('./data/vouch.db');
  });

  it('keeps a malformed database URL password out of the startup error', () => {
    expect(() => loadConfig({ VOUCH_DB: 'postgres://user:hunter2@[bad' })).toThrow(/postgres:\/\/\*\*\*@\[bad/);
    expect(() => loadConfig({ VOUCH_DB: 'postgres://user:hunter2@[bad' })).not.toThrow(/hunter2/);
  });
});
