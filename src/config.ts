import { resolve } from 'node:path';

/** A key pair given through the environment, so automation can know the keys in advance. */
export interface KeyPair {
  appId: string;
  secret: string;
}

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Keys the operator fixed in the environment; absent ones are generated on first start. */
  serverKey: KeyPair | null;
  clientKey: KeyPair | null;
  managementKey: KeyPair | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body; Voucherify's own bulk endpoints accept up to 10 MB. */
  bodyLimitBytes: number;
  /** Where clients reach this server, for links it hands out (voucher QR codes and barcodes). */
  publicUrl: string;
}

/** Thrown for a bad environment; its message is the one line printed before exiting. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEFAULT_DB_FILE = './data/vouch.db';

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function readDatabase(raw: string | undefined): DatabaseConfig {
  const value = raw === undefined || raw === '' ? DEFAULT_DB_FILE : raw;
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new ConfigError(`VOUCH_DB is not a valid postgres:// URL: "${value}"`);
    }
    return { kind: 'postgres', url: value };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ConfigError(`VOUCH_DB must be a file path or a postgres:// URL, got "${value}"`);
  }
  return { kind: 'sqlite', file: value === ':memory:' ? value : resolve(value) };
}

function readKeyPair(env: NodeJS.ProcessEnv, idName: string, secretName: string): KeyPair | null {
  const appId = env[idName];
  const secret = env[secretName];
  if (!appId && !secret) return null;
  if (!appId || !secret) {
    throw new ConfigError(`${idName} and ${secretName} must be set together`);
  }
  if (secret.length < 16) {
    throw new ConfigError(`${secretName} must be at least 16 characters long`);
  }
  return { appId, secret };
}

function readPublicUrl(raw: string | undefined, host: string, port: number): string {
  if (raw === undefined || raw === '') {
    const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    return `http://${reachableHost}:${port}`;
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new ConfigError(`VOUCH_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function readLogLevel(raw: string | undefined): Config['logLevel'] {
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new ConfigError(`VOUCH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function readBodyLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10 * 1024 * 1024;
  if (!/^\d+$/.test(raw) || Number(raw) < 1024) {
    throw new ConfigError(`VOUCH_BODY_LIMIT must be a number of bytes of at least 1024, got "${raw}"`);
  }
  return Number(raw);
}

/** Parses the environment once; the rest of the program reads only the returned object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const serverKey = readKeyPair(env, 'VOUCH_APP_ID', 'VOUCH_SECRET_KEY');
  const clientKey = readKeyPair(env, 'VOUCH_CLIENT_APP_ID', 'VOUCH_CLIENT_SECRET_KEY');
  const managementKey = readKeyPair(env, 'VOUCH_MANAGEMENT_ID', 'VOUCH_MANAGEMENT_TOKEN');
  const appIds = [serverKey, clientKey, managementKey].filter((k) => k !== null).map((k) => k.appId);
  if (new Set(appIds).size !== appIds.length) {
    throw new ConfigError('VOUCH_APP_ID, VOUCH_CLIENT_APP_ID and VOUCH_MANAGEMENT_ID must differ from each other');
  }
  const host = env.HOST || '127.0.0.1';
  const port = readPort(env.PORT);
  return {
    host,
    port,
    database: readDatabase(env.VOUCH_DB),
    serverKey,
    clientKey,
    managementKey,
    logLevel: readLogLevel(env.VOUCH_LOG_LEVEL),
    bodyLimitBytes: readBodyLimit(env.VOUCH_BODY_LIMIT),
    publicUrl: readPublicUrl(env.VOUCH_PUBLIC_URL, host, port),
  };
}
