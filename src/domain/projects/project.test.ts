import { describe, expect, it } from 'vitest';
import { isOriginTrusted, isValidCurrency, isValidTimezone } from './project.js';

describe('isOriginTrusted', () => {
  const cases: [string[], string | undefined, boolean][] = [
    [['example.com'], 'https://example.com', true],
    [['example.com'], 'http://example.com:8080', true],
    [['example.com'], 'https://shop.example.com', false],
    [['*.example.com'], 'https://shop.example.com', true],
    [['*.example.com'], 'https://example.com', false],
    [['*.example.com'], 'https://evilexample.com', false],
    [['https://shop.example.com'], 'https://shop.example.com', true],
    [['https://shop.example.com'], 'http://shop.example.com', false],
    [['http://localhost:3000'], 'http://localhost:3000', true],
    [['http://localhost:3000'], 'http://localhost:3001', false],
    [['localhost'], 'http://localhost:5173', true],
    [['Example.COM/'], 'https://example.com', true],
    [['example.com'], undefined, false],
    [['example.com'], 'not a url', false],
    [[], 'https://example.com', false],
    [['*'], 'https://anything.test', true],
  ];
  it.each(cases)('%j trusts %s: %s', (domains, origin, expected) => {
    expect(isOriginTrusted(domains, origin)).toBe(expected);
  });
});

describe('settings values', () => {
  it('knows IANA time zones', () => {
    expect(isValidTimezone('Europe/Warsaw')).toBe(true);
    expect(isValidTimezone('UTC')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });
  it('knows ISO 4217 currencies', () => {
    expect(isValidCurrency('PLN')).toBe(true);
    expect(isValidCurrency('usd')).toBe(false);
    expect(isValidCurrency('ABCD')).toBe(false);
    expect(isValidCurrency('QQQ')).toBe(false);
  });
});
