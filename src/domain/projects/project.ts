import { AppError } from '../errors.js';
import { type HiddenClientMetadata, normalizeHiddenMetadata } from './client-metadata.js';

export interface NotificationChannel {
  email?: boolean | null;
  in_app?: boolean | null;
  emails?: string[] | null;
}

export interface ProjectSettings {
  timezone: string;
  currency: string;
  dial_code: string | null;
  /** Whether `SUMMER10` and `summer10` are different codes. */
  case_sensitive_codes: boolean;
  /** Origins allowed to call `/client/v1` with this project's client-side key. */
  client_trusted_domains: string[];
  client_redeem_enabled: boolean;
  client_publish_enabled: boolean;
  client_list_vouchers_enabled: boolean;
  client_create_customer_enabled: boolean;
  client_loyalty_events_enabled: boolean;
  client_set_voucher_expiration_date_enabled: boolean;
  /** Metadata keys that client-side answers leave out, by the object carrying them (a Vouch setting). */
  client_hidden_metadata: HiddenClientMetadata;
  webhook_version: 'v2024-01-01';
  api_version: 'v2018-08-01';
  cluster_id: string;
  is_sandbox: boolean;
  webhooks_callout_notifications: Record<string, NotificationChannel> | null;
  api_usage_notifications: Record<string, unknown> | null;
  /** The character set generated codes use unless a campaign says otherwise. */
  default_code_config: { charset: string | null } | null;
}

export interface Project {
  id: string;
  name: string;
  description: string | null;
  settings: ProjectSettings;
  /** Signs outgoing webhooks. */
  webhook_token: string;
  created_at: string;
  updated_at: string | null;
}

export function defaultProjectSettings(): ProjectSettings {
  return {
    timezone: 'UTC',
    currency: 'USD',
    dial_code: null,
    case_sensitive_codes: true,
    // A fresh project trusts the developer's own machine, so the widget works out of the box.
    client_trusted_domains: ['localhost', '127.0.0.1'],
    client_redeem_enabled: false,
    client_publish_enabled: false,
    client_list_vouchers_enabled: false,
    client_create_customer_enabled: false,
    client_loyalty_events_enabled: false,
    client_set_voucher_expiration_date_enabled: false,
    client_hidden_metadata: {},
    webhook_version: 'v2024-01-01',
    api_version: 'v2018-08-01',
    cluster_id: 'local',
    is_sandbox: false,
    webhooks_callout_notifications: null,
    api_usage_notifications: null,
    default_code_config: null,
  };
}

/** An IANA zone name the runtime knows, such as `Europe/Warsaw`. */
export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

let knownCurrencies: ReadonlySet<string> | undefined;

/**
 * An ISO 4217 code the runtime knows, such as `PLN`. Intl.NumberFormat formats any three
 * letters (`QQQ`), so the code is looked up in the runtime's list of currencies instead.
 */
export function isValidCurrency(currency: string): boolean {
  if (!/^[A-Z]{3}$/.test(currency)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(currency);
}

/**
 * Whether a browser origin may use the client-side key. An entry with a scheme
 * (`https://shop.example.com`, `http://localhost:3000`) must match the origin exactly; a bare host
 * (`example.com`, `*.example.com`) matches that host on any scheme and port.
 */
export function isOriginTrusted(trustedDomains: readonly string[], origin: string | undefined): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return trustedDomains.some((raw) => {
    const entry = raw.trim().toLowerCase().replace(/\/+$/, '');
    if (entry === '*') return true;
    if (entry.includes('://')) return entry === url.origin.toLowerCase();
    if (entry.startsWith('*.')) return host.endsWith(entry.slice(1)) && host.length > entry.length - 1;
    return host === entry;
  });
}

/** Settings after an update; refuses a time zone or currency the runtime does not know. */
export function applySettingsChanges(current: ProjectSettings, changes: Partial<ProjectSettings>): ProjectSettings {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const next = { ...current, ...defined } as ProjectSettings;
  // The map is replaced as a whole, like the other object settings: what is sent is the new list.
  next.client_hidden_metadata = normalizeHiddenMetadata(next.client_hidden_metadata);
  if (!isValidTimezone(next.timezone)) {
    throw new AppError('invalid_payload', { details: `timezone "${next.timezone}" is not an IANA time zone` });
  }
  if (!isValidCurrency(next.currency)) {
    throw new AppError('invalid_payload', { details: `currency "${next.currency}" is not an ISO 4217 code` });
  }
  return next;
}
