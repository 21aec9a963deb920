import { isIsoDate } from './rule-dates.js';
import type { ConditionValue, ItemRef } from './rule-definition.js';
import type { ConditionValueKind } from './rule-value-types.js';

export const MAX_CONDITION_TEXT = 1000;
export const MAX_ID_LENGTH = 200;

export type ValueParse = { ok: true; value: ConditionValue } | { ok: false; problem: string };

/** A value as a problem message shows it: JSON, cut short. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ok = (value: ConditionValue): ValueParse => ({ ok: true, value });
const refuse = (expected: string, raw: unknown): ValueParse => ({
  ok: false,
  problem: `expected ${expected}, got ${describeValue(raw)}`,
});

function isShortText(raw: unknown, max: number): raw is string {
  return typeof raw === 'string' && raw !== '' && raw.length <= max;
}

/** Checks one condition value against what the rule's type and the operator need. */
export function parseConditionValue(
  kind: ConditionValueKind,
  raw: unknown,
  refObject: ItemRef['object'] | null,
): ValueParse {
  switch (kind) {
    case 'money':
      return Number.isSafeInteger(raw)
        ? ok(raw as number)
        : refuse('an integer amount in minor units (10000 = 100.00)', raw);
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : refuse('a number', raw);
    case 'count':
      return Number.isSafeInteger(raw) && (raw as number) >= 0
        ? ok(raw as number)
        : refuse('a whole number, 0 or more', raw);
    case 'text':
      return isShortText(raw, MAX_CONDITION_TEXT)
        ? ok(raw)
        : refuse(`a text of 1 to ${MAX_CONDITION_TEXT} characters`, raw);
    case 'scalar':
      if (typeof raw === 'boolean' || (typeof raw === 'number' && Number.isFinite(raw))) return ok(raw);
      return typeof raw === 'string' && raw.length <= MAX_CONDITION_TEXT
        ? ok(raw)
        : refuse('a text, number or boolean', raw);
    case 'number_or_date':
      if (typeof raw === 'number' && Number.isFinite(raw)) return ok(raw);
      return isIsoDate(raw) ? ok(raw) : refuse('a number or an ISO 8601 date', raw);
    case 'date':
      return isIsoDate(raw) ? ok(raw) : refuse('an ISO 8601 date', raw);
    case 'id':
      return isShortText(raw, MAX_ID_LENGTH) ? ok(raw) : refuse('an id', raw);
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : refuse('true or false', raw);
    case 'item_ref':
      return parseItemRef(raw, refObject);
    case 'none':
      return refuse('no value', raw);
  }
}

const REF_OBJECTS = new Set(['product', 'sku', 'products_collection']);

function optionalText(raw: unknown): string | null | undefined {
  if (raw === undefined || raw === null || raw === '') return null;
  return isShortText(raw, MAX_ID_LENGTH) ? raw : undefined;
}

function inferObject(id: string | null, refObject: ItemRef['object'] | null): ItemRef['object'] {
  if (id?.startsWith('prod_')) return 'product';
  if (id?.startsWith('sku_')) return 'sku';
  if (id?.startsWith('pc_')) return 'products_collection';
  return refObject ?? 'product_or_sku';
}

/**
 * `{id, source_id?, object?}` naming a product, SKU or collection. Voucherify also sends
 * `type: "product_or_sku"`, and extra fields (an `effect`) that rules do not read.
 */
function parseItemRef(raw: unknown, refObject: ItemRef['object'] | null): ValueParse {
  if (!isPlainObject(raw)) return refuse('an object like {"id": "prod_1", "object": "product"}', raw);
  const id = optionalText(raw.id);
  const sourceId = optionalText(raw.source_id);
  if (id === undefined) return { ok: false, problem: `id should be a text of 1 to ${MAX_ID_LENGTH} characters` };
  if (sourceId === undefined) {
    return { ok: false, problem: `source_id should be a text of 1 to ${MAX_ID_LENGTH} characters` };
  }
  if (id === null && sourceId === null) return { ok: false, problem: 'an item reference needs an id or a source_id' };
  const given = raw.object ?? (raw.type === 'product_or_sku' ? 'product_or_sku' : undefined);
  if (given !== undefined && given !== 'product_or_sku' && !REF_OBJECTS.has(given as string)) {
    return { ok: false, problem: `object should be product, sku or products_collection, got ${describeValue(given)}` };
  }
  const object = (given as ItemRef['object'] | undefined) ?? inferObject(id, refObject);
  if (object === 'products_collection' && id === null) {
    return { ok: false, problem: 'a products_collection reference needs its id' };
  }
  return ok({ object, id, source_id: sourceId });
}
