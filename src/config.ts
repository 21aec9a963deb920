import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { TrafficLimits } from './app/security/traffic-limits.js';
import { MIN_PASSWORD_LENGTH } from './domain/dashboard/dashboard-user.js';

/** A key pair given through the environment, so automation can know the keys in advance. */
export interface KeyPair {
  appId: string;
  secret: string;
}

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Fastify's trustProxy: trust every proxy, none, or these addresses, CIDR ranges and names. */
export type TrustProxy = boolean | string[];

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
  /** Redis shared by every process for the limits' counters; null counts in each process's memory. */
  redisUrl: string | null;
  limits: TrafficLimits;
  /** Which proxies' X-Forwarded-For names the client, for per-address limits. */
  trustProxy: TrustProxy;
  /** Seconds between sweeps of segments whose filter counts from now; 0 turns the sweep off. */
  segmentSweepSeconds: number;
  /** The dashboard admin the environment names (VOUCH_ADMIN_EMAIL, VOUCH_ADMIN_PASSWORD), made sure of on start. */
  dashboardAdmin: { email: string; password: string } | null;
}

/** Thrown for a bad environment; its message is the one line printed before exiting. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEFAULT_DB_FILE = './data/vouch.db';

/**
 * A URL as it may be printed: the `user:password@` part masked. Done on the raw text, since the
 * URLs that reach an error message are the ones that failed to parse.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

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
      throw new ConfigError(`VOUCH_DB is not a valid postgres:// URL: "${withoutCredentials(value)}"`);
    }
    return { kind: 'postgres', url: value };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ConfigError(`VOUCH_DB must be a file path or a postgres:// URL, got "${withoutCredentials(value)}"`);
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

/**
 * Requests per key per minute: 100 a second, far above Voucherify's plans (thousands an hour), so
 * an integration that worked there never meets it; it stops one runaway client from starving the
 * others. Per address half that: public traffic (client-side keys, bad keys) comes from many
 * addresses, while a shop's backend that sends more from one address raises it or turns it off.
 */
const DEFAULT_REQUESTS_PER_KEY = 6000;
const DEFAULT_REQUESTS_PER_ADDRESS = 3000;
const DEFAULT_WINDOW_SECONDS = 60;
/**
 * Unknown codes per hour. Finding one of 100,000 codes of 8 alphanumerics (62^8 ≈ 2.2e14) takes
 * 2.2e9 guesses on average: about 2,500 years from one address, 124 years for a botnet that
 * keeps the whole client-side key at its limit (with case-insensitive codes, 36^8: 32 years and
 * 1.6 years). A shopper mistypes a few codes; a shop whose storefronts see more than 2,000 wrong
 * codes an hour raises the key's limit.
 */
const DEFAULT_GUESSES_PER_ADDRESS = 100;
const DEFAULT_GUESSES_PER_CLIENT_KEY = 2000;
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function readCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(`${name} must be a whole number (0 turns the limit off), got "${raw}"`);
  }
  return Number(raw);
}

function readWindowSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_WINDOW_SECONDS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 86_400) {
    throw new ConfigError(`VOUCH_RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1 to 86400, got "${raw}"`);
  }
  return Number(raw);
}

function readRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  try {
    if (!/^rediss?:$/.test(new URL(raw).protocol)) throw new Error('scheme');
  } catch {
    throw new ConfigError(`VOUCH_REDIS must be a redis:// or rediss:// URL, got "${withoutCredentials(raw)}"`);
  }
  return raw;
}

function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** Unset, only a proxy on this machine is believed: the usual nginx in front, which nobody else can pose as. */
function readTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw === '') return ['loopback'];
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const items = raw.split(',').map((item) => item.trim());
  const bad = items.find((item) => !isProxyAddress(item));
  if (bad !== undefined) {
    throw new ConfigError(
      `VOUCH_TRUST_PROXY must be true, false or a list of addresses, CIDR ranges and ${PROXY_NAMES.join('/')}; "${bad}" is none of them`,
    );
  }
  return items;
}

function readSweepSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 300;
  if (!/^\d+$/.test(raw) || Number(raw) > 86_400) {
    throw new ConfigError(`VOUCH_SEGMENT_SWEEP_SECONDS must be a whole number from 0 (off) to 86400, got "${raw}"`);
  }
  return Number(raw);
}

function readDashboardAdmin(env: NodeJS.ProcessEnv): Config['dashboardAdmin'] {
  const email = env.VOUCH_ADMIN_EMAIL ?? '';
  const password = env.VOUCH_ADMIN_PASSWORD ?? '';
  if (email === '' && password === '') return null;
  if (email === '' || password === '') {
    throw new ConfigError('VOUCH_ADMIN_EMAIL and VOUCH_ADMIN_PASSWORD go together: set both or neither');
  }
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
    throw new ConfigError(`VOUCH_ADMIN_EMAIL must be an email address, got "${email}"`);
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`VOUCH_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return { email: email.trim(), password };
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
    redisUrl: readRedisUrl(env.VOUCH_REDIS),
    limits: {
      requests: {
        perKey: readCount(env, 'VOUCH_RATE_LIMIT_PER_KEY', DEFAULT_REQUESTS_PER_KEY),
        perAddress: readCount(env, 'VOUCH_RATE_LIMIT_PER_IP', DEFAULT_REQUESTS_PER_ADDRESS),
        windowSeconds: readWindowSeconds(env.VOUCH_RATE_LIMIT_WINDOW_SECONDS),
      },
      guesses: {
        perAddress: readCount(env, 'VOUCH_GUESS_LIMIT_PER_IP', DEFAULT_GUESSES_PER_ADDRESS),
        perClientKey: readCount(env, 'VOUCH_GUESS_LIMIT_PER_CLIENT_KEY', DEFAULT_GUESSES_PER_CLIENT_KEY),
      },
    },
    trustProxy: readTrustProxy(env.VOUCH_TRUST_PROXY),
    segmentSweepSeconds: readSweepSeconds(env.VOUCH_SEGMENT_SWEEP_SECONDS),
    dashboardAdmin: readDashboardAdmin(env),
  };
}
