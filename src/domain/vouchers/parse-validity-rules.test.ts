import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertMergedValidity, parseValidityRules } from './parse-validity-rules.js';

function detailsOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError && error.key === 'invalid_payload') return error.details;
    throw error;
  }
  throw new Error('expected invalid_payload');
}

describe('parseValidityRules', () => {
  it.each([
    { name: 'nothing given', raw: {}, expected: {} },
    {
      name: 'dates normalized to UTC with milliseconds',
      raw: { start_date: '2016-01-01T00:00:00Z', expiration_date: '2022-12-31T23:59:59+02:00' },
      expected: { start_date: '2016-01-01T00:00:00.000Z', expiration_date: '2022-12-31T21:59:59.000Z' },
    },
    {
      name: 'a date without an offset is UTC',
      raw: { start_date: '2024-03-05', expiration_date: '2024-03-06T10:00' },
      expected: { start_date: '2024-03-05T00:00:00.000Z', expiration_date: '2024-03-06T10:00:00.000Z' },
    },
    {
      name: 'explicit nulls clear',
      raw: {
        start_date: null,
        expiration_date: null,
        validity_timeframe: null,
        validity_day_of_week: null,
        validity_hours: null,
      },
      expected: {
        start_date: null,
        expiration_date: null,
        validity_timeframe: null,
        validity_day_of_week: null,
        validity_hours: null,
      },
    },
    {
      name: 'the docs example',
      raw: { validity_timeframe: { duration: 'PT1H', interval: 'P2D' }, validity_day_of_week: [1, 2, 3, 4, 5] },
      expected: { validity_timeframe: { interval: 'P2D', duration: 'PT1H' }, validity_day_of_week: [1, 2, 3, 4, 5] },
    },
    {
      name: 'a duration as long as the interval',
      raw: { validity_timeframe: { interval: 'P1W', duration: 'P7D' } },
      expected: { validity_timeframe: { interval: 'P1W', duration: 'P7D' } },
    },
    {
      name: 'repeated week days kept once',
      raw: { validity_day_of_week: [5, 1, 5] },
      expected: { validity_day_of_week: [5, 1] },
    },
    {
      name: 'daily windows, one past midnight, one without days (every day)',
      raw: {
        validity_hours: {
          daily: [
            { start_time: '22:00', expiration_time: '02:00', days_of_week: [5, 6], extra: true },
            { start_time: '12:00', expiration_time: '14:00' },
          ],
        },
      },
      expected: {
        validity_hours: {
          daily: [
            { start_time: '22:00', expiration_time: '02:00', days_of_week: [5, 6] },
            { start_time: '12:00', expiration_time: '14:00', days_of_week: [0, 1, 2, 3, 4, 5, 6] },
          ],
        },
      },
    },
    { name: 'hours without daily', raw: { validity_hours: {} }, expected: { validity_hours: { daily: [] } } },
  ])('accepts $name', ({ raw, expected }) => {
    expect(parseValidityRules(raw, '')).toEqual(expected);
  });

  it.each([
    [{ start_date: 'yesterday' }, 'Property .start_date should be an ISO 8601 date-time'],
    [{ start_date: 20240101 }, 'Property .start_date should be an ISO 8601 date-time'],
    [{ expiration_date: '2024-02-30T00:00:00Z' }, 'Property .expiration_date should be an ISO 8601 date-time'],
    [
      { start_date: '2024-02-02T00:00:00Z', expiration_date: '2024-02-01T00:00:00Z' },
      'Property .expiration_date should not be before start_date',
    ],
    [{ validity_timeframe: 'P1D' }, 'Property .validity_timeframe should be an object'],
    [
      { validity_timeframe: { interval: 'P1D' } },
      "Property .validity_timeframe should have required property 'duration'",
    ],
    [
      { validity_timeframe: { interval: 'every day', duration: 'PT1H' } },
      'Property .validity_timeframe.interval should be an ISO 8601 duration such as PT1H or P2D',
    ],
    [
      { validity_timeframe: { interval: 'P1D', duration: 'PT0S' } },
      'Property .validity_timeframe.duration should be a positive duration',
    ],
    [
      { validity_timeframe: { interval: 'P1D', duration: 'PT-1H' } },
      'Property .validity_timeframe.duration should be a positive duration',
    ],
    [
      { validity_timeframe: { interval: 'P1000Y', duration: 'PT1H' } },
      'Property .validity_timeframe.interval should not be longer than 100 years',
    ],
    [
      { validity_timeframe: { interval: 'PT1H', duration: 'P1D' } },
      'Property .validity_timeframe.duration should not be longer than interval',
    ],
    [{ validity_day_of_week: 1 }, 'Property .validity_day_of_week should be an array'],
    [
      { validity_day_of_week: [1, 7] },
      'Property .validity_day_of_week[1] should be an integer from 0 (Sunday) to 6 (Saturday)',
    ],
    [
      { validity_day_of_week: [1.5] },
      'Property .validity_day_of_week[0] should be an integer from 0 (Sunday) to 6 (Saturday)',
    ],
    [{ validity_hours: { daily: {} } }, 'Property .validity_hours.daily should be an array'],
    [
      { validity_hours: { daily: [{ start_time: '12:00' }] } },
      "Property .validity_hours.daily[0] should have required property 'expiration_time'",
    ],
    [
      { validity_hours: { daily: [{ start_time: '24:00', expiration_time: '01:00' }] } },
      'Property .validity_hours.daily[0].start_time should be a time of day in HH:mm format',
    ],
    [
      { validity_hours: { daily: [{ start_time: '9:00', expiration_time: '10:00' }] } },
      'Property .validity_hours.daily[0].start_time should be a time of day in HH:mm format',
    ],
    [
      { validity_hours: { daily: [{ start_time: '10:00', expiration_time: '10:00' }] } },
      'Property .validity_hours.daily[0].expiration_time should differ from start_time',
    ],
    [
      { validity_hours: { daily: [{ start_time: '10:00', expiration_time: '11:00', days_of_week: [] }] } },
      'Property .validity_hours.daily[0].days_of_week should have at least 1 item',
    ],
    [
      {
        validity_hours: {
          daily: Array.from({ length: 51 }, () => ({ start_time: '10:00', expiration_time: '11:00' })),
        },
      },
      'Property .validity_hours.daily should not have more than 50 items',
    ],
  ])('refuses %j', (raw, details) => {
    expect(detailsOf(() => parseValidityRules(raw, ''))).toBe(details);
  });

  it('names the property under the given prefix', () => {
    expect(detailsOf(() => parseValidityRules({ validity_day_of_week: ['1'] }, '.voucher'))).toBe(
      'Property .voucher.validity_day_of_week[0] should be an integer from 0 (Sunday) to 6 (Saturday)',
    );
  });
});

describe('assertMergedValidity', () => {
  const timeframe = { interval: 'P1D', duration: 'PT1H' };
  it('refuses a timeframe without a start date', () => {
    const rules = { start_date: null, expiration_date: null, validity_timeframe: timeframe };
    expect(detailsOf(() => assertMergedValidity(rules, ''))).toBe(
      'Property .start_date is required when validity_timeframe is set',
    );
  });
  it('refuses an expiration before the start, however the two came together', () => {
    const rules = { start_date: '2030-01-10T00:00:00.000Z', expiration_date: '2030-01-05T00:00:00.000Z' };
    expect(detailsOf(() => assertMergedValidity({ ...rules, validity_timeframe: null }, '.voucher'))).toBe(
      'Property .voucher.expiration_date should not be before start_date',
    );
  });
  it.each([
    { start_date: '2024-01-01T00:00:00.000Z', expiration_date: null, validity_timeframe: timeframe },
    { start_date: null, expiration_date: '2024-01-01T00:00:00.000Z', validity_timeframe: null },
    { start_date: '2024-01-01T00:00:00.000Z', expiration_date: '2024-01-01T00:00:00.000Z', validity_timeframe: null },
  ])('accepts %j', (rules) => {
    expect(() => assertMergedValidity(rules, '')).not.toThrow();
  });
});
