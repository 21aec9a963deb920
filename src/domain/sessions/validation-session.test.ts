import { describe, expect, it } from 'vitest';
import { openSession, toSessionObject } from './validation-session.js';

const now = new Date('2026-05-01T10:00:00.000Z');
const newKey = () => 'ssn_generated';

describe('openSession', () => {
  it('holds for 7 days under a new key unless the request says otherwise', () => {
    const session = openSession({ type: 'LOCK' }, now, newKey);
    expect(session).toEqual({
      key: 'ssn_generated',
      type: 'LOCK',
      ttl: 7,
      ttl_unit: 'DAYS',
      expiresAt: '2026-05-08T10:00:00.000Z',
    });
    expect(toSessionObject(session)).toEqual({ key: 'ssn_generated', type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' });
  });

  it.each([
    [{ ttl: 90, ttl_unit: 'MINUTES' }, '2026-05-01T11:30:00.000Z'],
    [{ ttl: 2, ttl_unit: 'HOURS' }, '2026-05-01T12:00:00.000Z'],
    [{ ttl: 45, ttl_unit: 'SECONDS' }, '2026-05-01T10:00:45.000Z'],
    [{ ttl: 1500, ttl_unit: 'MILLISECONDS' }, '2026-05-01T10:00:01.500Z'],
    // Below a millisecond a session still outlives the instant it was opened.
    [{ ttl: 1, ttl_unit: 'NANOSECONDS' }, '2026-05-01T10:00:00.001Z'],
  ])('ends when %o says: %s', (request, expiresAt) => {
    expect(openSession(request, now, newKey).expiresAt).toBe(expiresAt);
  });

  it('keeps the key the shop chose', () => {
    expect(openSession({ key: 'cart-42' }, now, newKey).key).toBe('cart-42');
  });

  it.each([
    [{ ttl_unit: 'WEEKS' }, 'session.ttl_unit'],
    [{ ttl: 0 }, 'session.ttl'],
    [{ ttl: 1.5 }, 'session.ttl'],
    [{ ttl: 400, ttl_unit: 'DAYS' }, '366 days'],
    [{ ttl_unit: 'HOURS' }, 'session.ttl is required'],
  ])('refuses %o', (request, details) => {
    expect(() => openSession(request, now, newKey)).toThrow(expect.objectContaining({ key: 'invalid_payload' }));
    try {
      openSession(request, now, newKey);
    } catch (error) {
      expect((error as { details: string }).details).toContain(details);
    }
  });
});
