import { describe, expect, it } from 'vitest';
import { publishedValidity } from './published-validity.js';

const NOW = new Date('2025-01-31T10:00:00.000Z');

describe('publishedValidity', () => {
  it.each([
    ['P24D', '2025-02-24T10:00:00.000Z'],
    ['PT12H', '2025-01-31T22:00:00.000Z'],
    ['P1M', '2025-02-28T10:00:00.000Z'],
    ['P1Y', '2026-01-31T10:00:00.000Z'],
    ['P1DT30M', '2025-02-01T10:30:00.000Z'],
  ])('starts %s at the publication and ends at %s', (duration, end) => {
    expect(publishedValidity(duration, NOW)).toEqual({ start_date: NOW.toISOString(), expiration_date: end });
  });

  it('starts no earlier than the campaign and ends no later', () => {
    const campaign = { start_date: '2025-02-05T00:00:00.000Z', expiration_date: '2025-02-20T00:00:00.000Z' };
    expect(publishedValidity('P24D', NOW, campaign)).toEqual({
      start_date: '2025-02-05T00:00:00.000Z',
      expiration_date: '2025-02-20T00:00:00.000Z',
    });
    expect(publishedValidity('P2D', NOW, campaign)).toEqual({
      start_date: '2025-02-05T00:00:00.000Z',
      expiration_date: '2025-02-07T00:00:00.000Z',
    });
  });

  it.each([null, 'P0D', 'soon', ''])('gives no validity for %j', (duration) => {
    expect(publishedValidity(duration, NOW)).toBeNull();
  });
});
