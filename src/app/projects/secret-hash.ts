import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Key secrets are random UUIDs (122 bits), so a plain SHA-256 cannot be brute-forced and keeps
 * authentication cheap on every request; slow password hashes are for the dashboard's passwords.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in time independent of where the two first differ. */
export function isSecretMatching(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
