import { AppError } from '../errors.js';

export const SESSION_TTL_UNITS = [
  'DAYS',
  'HOURS',
  'MINUTES',
  'SECONDS',
  'MILLISECONDS',
  'MICROSECONDS',
  'NANOSECONDS',
] as const;
export type SessionTtlUnit = (typeof SESSION_TTL_UNITS)[number];

/** Milliseconds per unit; units below a millisecond give sessions that end almost at once. */
const UNIT_MS: Record<SessionTtlUnit, number> = {
  DAYS: 86_400_000,
  HOURS: 3_600_000,
  MINUTES: 60_000,
  SECONDS: 1_000,
  MILLISECONDS: 1,
  MICROSECONDS: 1e-3,
  NANOSECONDS: 1e-6,
};

/** Longest session Vouch holds: a year; a lock should never outlive the campaign it blocks by accident. */
export const MAX_SESSION_MS = 366 * 86_400_000;

/** A `session` object as requests send it. */
export interface SessionRequest {
  type?: 'LOCK' | null;
  key?: string | null;
  ttl?: number | null;
  ttl_unit?: string | null;
}

/** A validation session: it reserves one use of each voucher it validated until `expiresAt`. */
export interface ValidationSession {
  key: string;
  type: 'LOCK';
  ttl: number;
  ttl_unit: SessionTtlUnit;
  expiresAt: string;
}

function isTtlUnit(value: string): value is SessionTtlUnit {
  return (SESSION_TTL_UNITS as readonly string[]).includes(value);
}

/**
 * The session a request asks for: its key (the request's, or `newKey()`), and how long it holds,
 * 7 days unless the request says otherwise (Voucherify's default). A bad unit, a unit without a
 * ttl or a lifetime beyond a year is refused as a 400.
 */
export function openSession(request: SessionRequest, now: Date, newKey: () => string): ValidationSession {
  const unit = request.ttl_unit ?? 'DAYS';
  if (!isTtlUnit(unit)) {
    throw new AppError('invalid_payload', {
      details: `session.ttl_unit must be one of ${SESSION_TTL_UNITS.join(', ')}`,
    });
  }
  // Seven days is the default as a whole: a unit alone would make "7 hours" out of a guess.
  if (request.ttl_unit && (request.ttl === undefined || request.ttl === null)) {
    throw new AppError('invalid_payload', { details: 'session.ttl is required with session.ttl_unit' });
  }
  const ttl = request.ttl ?? 7;
  if (!Number.isInteger(ttl) || ttl < 1) {
    throw new AppError('invalid_payload', { details: 'session.ttl must be a whole number of at least 1' });
  }
  const lifetimeMs = ttl * UNIT_MS[unit];
  if (lifetimeMs > MAX_SESSION_MS) {
    throw new AppError('invalid_payload', { details: 'session.ttl may hold a session for at most 366 days' });
  }
  // A sub-millisecond session still ends after the instant it was opened.
  const expiresAt = new Date(now.getTime() + Math.max(1, Math.round(lifetimeMs))).toISOString();
  return { key: request.key || newKey(), type: 'LOCK', ttl, ttl_unit: unit, expiresAt };
}

/** The session as validation answers echo it. */
export function toSessionObject(session: ValidationSession) {
  return { key: session.key, type: session.type, ttl: session.ttl, ttl_unit: session.ttl_unit };
}
