import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromZonedMinute, toZonedMinute } from '../../web/dashboard/src/lib/zoned-minute.js';

/** The dashboard's conversion between a project's clock and the API's UTC instants. */
describe('minutes on a project clock', () => {
  it.each([
    ['UTC', '2026-03-01T15:30:45.000Z', '2026-03-01T15:30'],
    ['Europe/Warsaw', '2026-03-01T15:30:45.000Z', '2026-03-01T16:30'],
    ['Europe/Warsaw', '2026-07-01T15:30:00.000Z', '2026-07-01T17:30'],
    ['America/New_York', '2026-01-01T03:00:00.000Z', '2025-12-31T22:00'],
    ['Asia/Kolkata', '2026-06-30T20:00:00.000Z', '2026-07-01T01:30'],
    ['Pacific/Kiritimati', '2026-06-30T11:00:00.000Z', '2026-07-01T01:00'],
  ])('shows %s time for %s as %s', (zone, iso, minute) => {
    expect(toZonedMinute(iso, zone)).toBe(minute);
    expect(fromZonedMinute(minute, zone)).toBe(iso.replace(/:\d\d\.000Z$/, ':00.000Z'));
  });

  it('reads a minute next to a change of offset by the offset in force then', () => {
    // Warsaw moves from UTC+1 to UTC+2 at 2026-03-29 01:00 UTC (02:00 local becomes 03:00).
    expect(fromZonedMinute('2026-03-29T01:59', 'Europe/Warsaw')).toBe('2026-03-29T00:59:00.000Z');
    expect(fromZonedMinute('2026-03-29T03:00', 'Europe/Warsaw')).toBe('2026-03-29T01:00:00.000Z');
    expect(fromZonedMinute('2026-10-25T04:00', 'Europe/Warsaw')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('gives back the minute it was given, in every zone, for every minute a clock shows', () => {
    const zones = [
      'UTC',
      'Europe/Warsaw',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, instant) => {
          const minute = toZonedMinute(new Date(instant).toISOString(), zone);
          expect(toZonedMinute(fromZonedMinute(minute, zone), zone)).toBe(minute);
        },
      ),
    );
  });

  it('treats empty and unreadable values as none', () => {
    expect(toZonedMinute(null, 'UTC')).toBe('');
    expect(toZonedMinute('not a date', 'UTC')).toBe('');
    expect(fromZonedMinute('', 'UTC')).toBeNull();
  });
});
