import { invalidPayload } from '../errors.js';
import {
  AMOUNT_EFFECTS,
  type AmountDiscount,
  DISCOUNT_TYPES,
  type Discount,
  FIXED_EFFECTS,
  type FixedDiscount,
  type ManyUnitsDiscount,
  PERCENT_EFFECTS,
  type PercentDiscount,
  type SingleUnitDiscount,
  UNIT_EFFECTS,
  type UnitGrant,
  type UnitItemRef,
} from './discount.js';

export const MAX_DISCOUNT_TEXT = 1000;
export const MAX_UNIT_GRANTS = 50;
/** Free units per grant: far above any real promotion, low enough that units × price stays exact. */
export const MAX_UNIT_OFF = 1_000_000;

type Read<T> = (value: unknown, path: string) => T;

function fail(path: string, problem: string): never {
  throw invalidPayload(`Property ${path} ${problem}`);
}

/** Reads the fields of one object, naming each by its full path when it is wrong. */
class FieldReader {
  constructor(
    readonly input: Record<string, unknown>,
    readonly path: string,
  ) {}

  required<T>(key: string, read: Read<T>): T {
    const value = this.input[key];
    if (value === undefined || value === null) fail(this.path, `should have required property '${key}'`);
    return read(value, `${this.path}.${key}`);
  }

  /** An absent or null field is left out of the result. */
  optional<T>(key: string, read: Read<T>): T | undefined {
    const value = this.input[key];
    return value === undefined || value === null ? undefined : read(value, `${this.path}.${key}`);
  }
}

function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'should be an object');
  return value as Record<string, unknown>;
}

function readInteger(min: number, max = Number.MAX_SAFE_INTEGER): Read<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      const bound = max === Number.MAX_SAFE_INTEGER ? '' : ` and less than or equal to ${max}`;
      fail(path, `should be an integer greater than or equal to ${min}${bound}`);
    }
    return value;
  };
}

const readMoney = readInteger(0);

const readPercent: Read<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 100) {
    fail(path, 'should be a number greater than 0 and less than or equal to 100');
  }
  return value;
};

const readText: Read<string> = (value, path) => {
  if (typeof value !== 'string' || value === '') fail(path, 'should be a non-empty string');
  if (value.length > MAX_DISCOUNT_TEXT) fail(path, `should not be longer than ${MAX_DISCOUNT_TEXT} characters`);
  return value;
};

const readBoolean: Read<boolean> = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'should be a boolean');
  return value;
};

function readEnum<T extends string>(allowed: readonly T[]): Read<T> {
  return (value, path) => {
    if (!allowed.includes(value as T)) fail(path, `should be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

const readItemRef: Read<UnitItemRef> = (value, path) => {
  const ref = new FieldReader(readObject(value, path), path);
  const nullableText = (key: 'id' | 'source_id' | 'name') =>
    ref.input[key] === null ? null : ref.optional(key, readText);
  return dropUndefined({ id: nullableText('id'), source_id: nullableText('source_id'), name: nullableText('name') });
};

/** Keeps only the fields that were given, so the discount echoes as the client wrote it. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parseAmount(fields: FieldReader): AmountDiscount {
  return dropUndefined({
    type: 'AMOUNT',
    amount_off: fields.required('amount_off', readMoney),
    amount_off_formula: fields.optional('amount_off_formula', readText),
    aggregated_amount_limit: fields.optional('aggregated_amount_limit', readMoney),
    effect: fields.optional('effect', readEnum(AMOUNT_EFFECTS)),
    is_dynamic: fields.optional('is_dynamic', readBoolean),
  });
}

function parsePercent(fields: FieldReader): PercentDiscount {
  return dropUndefined({
    type: 'PERCENT',
    percent_off: fields.required('percent_off', readPercent),
    percent_off_formula: fields.optional('percent_off_formula', readText),
    amount_limit: fields.optional('amount_limit', readMoney),
    aggregated_amount_limit: fields.optional('aggregated_amount_limit', readMoney),
    effect: fields.optional('effect', readEnum(PERCENT_EFFECTS)),
    is_dynamic: fields.optional('is_dynamic', readBoolean),
  });
}

function parseFixed(fields: FieldReader): FixedDiscount {
  return dropUndefined({
    type: 'FIXED',
    fixed_amount: fields.required('fixed_amount', readMoney),
    fixed_amount_formula: fields.optional('fixed_amount_formula', readText),
    effect: fields.optional('effect', readEnum(FIXED_EFFECTS)),
    is_dynamic: fields.optional('is_dynamic', readBoolean),
  });
}

/** A grant without an effect tops the cart up rather than adding units the customer already has. */
function parseUnitGrant(fields: FieldReader): UnitGrant {
  return dropUndefined({
    unit_off: fields.required('unit_off', readInteger(1, MAX_UNIT_OFF)),
    unit_off_formula: fields.optional('unit_off_formula', readText),
    unit_type: fields.required('unit_type', readText),
    effect: fields.optional('effect', readEnum(UNIT_EFFECTS)) ?? 'ADD_MISSING_ITEMS',
    product: fields.optional('product', readItemRef),
    sku: fields.optional('sku', readItemRef),
  });
}

const readUnitGrants: Read<UnitGrant[]> = (value, path) => {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_UNIT_GRANTS) {
    fail(path, `should be an array of 1 to ${MAX_UNIT_GRANTS} items`);
  }
  return value.map((entry, i) => {
    const entryPath = `${path}[${i}]`;
    return parseUnitGrant(new FieldReader(readObject(entry, entryPath), entryPath));
  });
};

function parseUnit(fields: FieldReader): SingleUnitDiscount | ManyUnitsDiscount {
  const isDynamic = fields.optional('is_dynamic', readBoolean);
  const hasUnits = fields.input.units !== undefined && fields.input.units !== null;
  if (hasUnits || fields.input.effect === 'ADD_MANY_ITEMS') {
    fields.optional('effect', readEnum(['ADD_MANY_ITEMS'] as const));
    const units = fields.required('units', readUnitGrants);
    return dropUndefined({ type: 'UNIT', effect: 'ADD_MANY_ITEMS', units, is_dynamic: isDynamic });
  }
  return dropUndefined({ type: 'UNIT', ...parseUnitGrant(fields), is_dynamic: isDynamic });
}

/**
 * A discount as a client sent it, checked and reduced to the fields of its type; an absent or
 * null optional field is left out. Throws `invalid_payload` naming the property at fault, under
 * `path` (`.discount` by default; a campaign passes `.voucher.discount`).
 */
export function parseDiscount(raw: unknown, path = '.discount'): Discount {
  const fields = new FieldReader(readObject(raw, path), path);
  const type = fields.required('type', readEnum(DISCOUNT_TYPES));
  switch (type) {
    case 'AMOUNT':
      return parseAmount(fields);
    case 'PERCENT':
      return parsePercent(fields);
    case 'FIXED':
      return parseFixed(fields);
    case 'UNIT':
      return parseUnit(fields);
  }
}
