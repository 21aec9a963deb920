import { AppError } from '../errors.js';

export type DashboardRole = 'admin' | 'member';

/** A person who signs in to the dashboard. An admin opens every project; a member those granted. */
export interface DashboardUser {
  id: string;
  email: string;
  role: DashboardRole;
  created_at: string;
}

/** Shortest password accepted: long enough that guessing it online is hopeless at any rate limit. */
export const MIN_PASSWORD_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** An email as accounts are keyed by it: trimmed and lower-cased; refused when it is not an address. */
export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!EMAIL.test(normalized) || normalized.length > 254) {
    throw new AppError('invalid_payload', { details: `${JSON.stringify(email)} is not an email address` });
  }
  return normalized;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_payload', {
      details: `A password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
  if (password.length > 1024)
    throw new AppError('invalid_payload', { details: 'A password has at most 1024 characters' });
}

export function isDashboardRole(value: string): value is DashboardRole {
  return value === 'admin' || value === 'member';
}
