import { TARGET_EFFECTS, type TargetEffect } from '../discounts/targets.js';
import { describeValue } from './parse-condition-values.js';
import type { RuleProblem } from './parse-validation-rules.js';

export const MAX_APPLICABLE_ENTRIES = 1000;
const MAX_ID_LENGTH = 200;

/**
 * One product, SKU or collection of a validation rule's `applicable_to` (included or excluded),
 * checked, with Voucherify's defaults filled in: `strict: false`, effect APPLY_TO_EVERY. Money
 * (`price`, `amount_limit`, `aggregated_amount_limit`) is in minor units; null means not set.
 */
export interface ApplicableToEntry {
  object: 'product' | 'sku' | 'products_collection';
  id: string;
  source_id: string | null;
  product_id: string | null;
  product_source_id: string | null;
  strict: boolean;
  effect: TargetEffect;
  /** FIXED discounts: the new unit price. */
  price: number | null;
  /** Echoed, not evaluated: the engine uses `price`, which Voucherify names the formula's fallback. */
  price_formula: number | string | null;
  quantity_limit: number | null;
  aggregated_quantity_limit: number | null;
  amount_limit: number | null;
  aggregated_amount_limit: number | null;
  /** With APPLY_TO_CHEAPEST / APPLY_TO_MOST_EXPENSIVE: ITEM takes the whole line, UNIT one unit. */
  target: 'ITEM' | 'UNIT' | null;
}

export interface ApplicableToDefinition {
  included: ApplicableToEntry[];
  excluded: ApplicableToEntry[];
  /** Every line not excluded gets the discount; `included` is then not read. */
  included_all: boolean;
}

export type ParseApplicableToResult =
  | { ok: true; applicableTo: ApplicableToDefinition }
  | { ok: false; problems: RuleProblem[] };

export const NO_APPLICABLE_TO: ApplicableToDefinition = { included: [], excluded: [], included_all: false };

const OBJECTS = new Set(['product', 'sku', 'products_collection']);
const LIMITS = ['quantity_limit', 'aggregated_quantity_limit', 'amount_limit', 'aggregated_amount_limit'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ApplicableToParser {
  readonly problems: RuleProblem[] = [];

  private add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  private text(raw: unknown, path: string): string | null {
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'string' && raw.length <= MAX_ID_LENGTH) return raw;
    this.add(path, `should be a text of at most ${MAX_ID_LENGTH} characters, got ${describeValue(raw)}`);
    return null;
  }

  private whole(raw: unknown, path: string): number | null {
    if (raw === undefined || raw === null) return null;
    if (Number.isSafeInteger(raw) && (raw as number) >= 0) return raw as number;
    this.add(path, `should be a whole number, 0 or more (money in minor units), got ${describeValue(raw)}`);
    return null;
  }

  private oneOf<T extends string>(raw: unknown, allowed: readonly T[], path: string): T | null {
    if (raw === undefined || raw === null) return null;
    if (allowed.includes(raw as T)) return raw as T;
    this.add(path, `should be one of ${allowed.join(', ')}, got ${describeValue(raw)}`);
    return null;
  }

  /** Voucherify's unit-selection extras change which units get the discount; Vouch has no engine for them yet. */
  private refuseUnsupported(raw: Record<string, unknown>, path: string): void {
    if (raw.repeat !== undefined && raw.repeat !== null && raw.repeat !== 1) {
      this.add(`${path}.repeat`, 'is not supported by Vouch yet (only 1)');
    }
    if (raw.skip_initially !== undefined && raw.skip_initially !== null && raw.skip_initially !== 0) {
      this.add(`${path}.skip_initially`, 'is not supported by Vouch yet (only 0)');
    }
  }

  entry(raw: unknown, path: string): ApplicableToEntry | null {
    if (!isPlainObject(raw)) {
      this.add(path, `should be an object like {"object": "product", "id": "prod_1"}, got ${describeValue(raw)}`);
      return null;
    }
    const before = this.problems.length;
    if (!OBJECTS.has(raw.object as string)) {
      this.add(`${path}.object`, `should be product, sku or products_collection, got ${describeValue(raw.object)}`);
    }
    const id = this.text(raw.id, `${path}.id`);
    if (id === null || id === '') this.add(`${path}.id`, 'is required');
    if (raw.strict !== undefined && raw.strict !== null && typeof raw.strict !== 'boolean') {
      this.add(`${path}.strict`, `should be true or false, got ${describeValue(raw.strict)}`);
    }
    const formula = raw.price_formula;
    if (formula !== undefined && formula !== null && typeof formula !== 'number' && typeof formula !== 'string') {
      this.add(`${path}.price_formula`, `should be a number or a text, got ${describeValue(formula)}`);
    }
    this.refuseUnsupported(raw, path);
    const entry: ApplicableToEntry = {
      object: raw.object as ApplicableToEntry['object'],
      id: id ?? '',
      source_id: this.text(raw.source_id, `${path}.source_id`),
      product_id: this.text(raw.product_id, `${path}.product_id`),
      product_source_id: this.text(raw.product_source_id, `${path}.product_source_id`),
      strict: raw.strict === true,
      effect: this.oneOf(raw.effect, TARGET_EFFECTS, `${path}.effect`) ?? 'APPLY_TO_EVERY',
      price: this.whole(raw.price, `${path}.price`),
      price_formula: (formula as number | string | null | undefined) ?? null,
      quantity_limit: null,
      aggregated_quantity_limit: null,
      amount_limit: null,
      aggregated_amount_limit: null,
      target: this.oneOf(raw.target, ['ITEM', 'UNIT'] as const, `${path}.target`),
    };
    for (const limit of LIMITS) entry[limit] = this.whole(raw[limit], `${path}.${limit}`);
    return this.problems.length === before ? entry : null;
  }

  entries(raw: unknown, path: string): ApplicableToEntry[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw) || raw.length > MAX_APPLICABLE_ENTRIES) {
      this.add(path, `should be a list of at most ${MAX_APPLICABLE_ENTRIES} products, SKUs or collections`);
      return [];
    }
    return raw.flatMap((entry, index) => this.entry(entry, `${path}[${index}]`) ?? []);
  }
}

/**
 * Checks a validation rule's `applicable_to`: which products, SKUs and collections a discount
 * reaches (`included`, or `included_all`) and which it never does (`excluded`), with each
 * entry's effect and limits. `order_item_indices`/`order_item_units` are answers, not input, and
 * are ignored. Every problem is listed with its path.
 */
export function parseApplicableTo(raw: unknown, path = 'applicable_to'): ParseApplicableToResult {
  if (raw === undefined || raw === null) return { ok: true, applicableTo: NO_APPLICABLE_TO };
  const parser = new ApplicableToParser();
  if (!isPlainObject(raw)) return { ok: false, problems: [{ path, message: 'should be an object' }] };
  const included = parser.entries(raw.included, `${path}.included`);
  const excluded = parser.entries(raw.excluded, `${path}.excluded`);
  const all = raw.included_all;
  if (all !== undefined && all !== null && typeof all !== 'boolean') {
    parser.problems.push({
      path: `${path}.included_all`,
      message: `should be true or false, got ${describeValue(all)}`,
    });
  }
  if (parser.problems.length > 0) return { ok: false, problems: parser.problems };
  return { ok: true, applicableTo: { included, excluded, included_all: all === true } };
}
