import type { PropertyDefinition } from './metadata-schema.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;
const SHOWN_VALUE_LENGTH = 60;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as an error quotes it, shortened: `'true'`, `'{"a":1}'`. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `'${text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH)}...` : text}'`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `2026-02-28`: the format, and a day the calendar has. */
export function isDate(value: unknown): boolean {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** ISO 8601 with a time and a zone: `2026-02-28T10:00:00.000Z`, `2026-02-28T10:00+02:00`. */
export function isDatetime(value: unknown): boolean {
  const match = typeof value === 'string' ? DATETIME.exec(value) : null;
  if (!match) return false;
  const [hours, minutes, seconds, zoneHours, zoneMinutes] = [4, 5, 6, 7, 8].map((i) => Number(match[i] ?? 0));
  return (
    isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    (hours as number) < 24 &&
    (minutes as number) < 60 &&
    (seconds as number) < 60 &&
    (zoneHours as number) < 24 &&
    (zoneMinutes as number) < 60
  );
}

export function isImageUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `{latitude, longitude}` in degrees, within the globe. */
export function isGeopoint(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const { latitude, longitude } = value;
  return (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  );
}

const TYPE_CHECKS: Record<Exclude<PropertyDefinition['type'], 'object'>, [(value: unknown) => boolean, string]> = {
  string: [(value) => typeof value === 'string', 'must be a string'],
  number: [(value) => typeof value === 'number' && Number.isFinite(value), 'must be a number'],
  boolean: [(value) => typeof value === 'boolean', 'must be a boolean'],
  date: [isDate, 'must be a date in the format YYYY-MM-DD'],
  datetime: [isDatetime, 'must be a date and time in ISO 8601 format with a time zone'],
  image_url: [isImageUrl, 'must be an http or https URL'],
  geopoint: [isGeopoint, 'must be a geopoint {latitude, longitude} in degrees'],
};

function listed(values: readonly (string | number)[]): string {
  return values.map((value) => String(value)).join(', ');
}

function lengthProblem(text: string, definition: PropertyDefinition): string | undefined {
  // Characters as people count them: an emoji is one, not two UTF-16 units.
  const length = [...text].length;
  const { min_length: min, max_length: max, exact_length: exact } = definition;
  if (exact !== undefined && length !== exact) return `must be exactly ${exact} characters long`;
  if (min !== undefined && length < min) return `must be at least ${min} characters long`;
  if (max !== undefined && length > max) return `must be at most ${max} characters long`;
  return undefined;
}

function boundProblem(value: number, definition: PropertyDefinition): string | undefined {
  const { lt, lte, gt, gte } = definition;
  if (lt !== undefined && !(value < lt)) return `must be less than ${lt}`;
  if (lte !== undefined && !(value <= lte)) return `must be less than or equal to ${lte}`;
  if (gt !== undefined && !(value > gt)) return `must be more than ${gt}`;
  if (gte !== undefined && !(value >= gte)) return `must be more than or equal to ${gte}`;
  return undefined;
}

/**
 * Why one scalar value (an array's item, or the whole value) breaks its definition, or undefined.
 * Objects are checked by the caller, which knows the nested schemas.
 */
export function scalarProblem(value: unknown, definition: PropertyDefinition): string | undefined {
  if (definition.type === 'object') return isPlainObject(value) ? undefined : 'must be an object';
  const [matches, reason] = TYPE_CHECKS[definition.type];
  if (!matches(value)) return reason;
  if (definition.eq && !definition.eq.includes(value as string | number))
    return `must be one of: ${listed(definition.eq)}`;
  if (definition.ne?.includes(value as string | number)) return `must not be any of: ${listed(definition.ne)}`;
  if (typeof value === 'string' && definition.type === 'string') return lengthProblem(value, definition);
  if (typeof value === 'number') return boundProblem(value, definition);
  return undefined;
}
