import type { ProductChanges, SkuAttributeValue, SkuChanges } from './product.js';

/**
 * One data row of an import, read but not yet applied. A row Voucherify would refuse carries its
 * `problem` instead, so the import reports it and carries on with the other rows.
 */
export type CsvRow<T> = { line: number; source_id?: string } & (
  | { value: T; problem?: undefined }
  | { problem: string }
);

export type ProductCsvValue = ProductChanges & { source_id?: string };

export interface SkuCsvValue {
  /** The product's id or source_id. */
  product_ref: string;
  changes: SkuChanges & { source_id: string };
}

type Fill<T> = (target: T, value: string) => string | undefined;

/** A price cell in minor units, as the API takes it: `1999` is 19.99. */
export function parseCsvPrice(value: string): number | string {
  const price = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(price) ? price : `price must be a whole number of minor units, got "${value}"`;
}

/**
 * SKU attributes as a JSON object; Voucherify's template writes it with single quotes
 * (`{'color':'blue'}`), so those are read too.
 */
export function parseCsvSkuAttributes(value: string): Record<string, SkuAttributeValue> | string {
  const problem = `attributes must be a JSON object of text or number values, got ${value}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    try {
      parsed = JSON.parse(value.replaceAll("'", '"'));
    } catch {
      return problem;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return problem;
  const entries = Object.entries(parsed);
  if (!entries.every(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) return problem;
  return Object.fromEntries(entries) as Record<string, SkuAttributeValue>;
}

const PRODUCT_COLUMNS: Record<string, Fill<ProductCsvValue>> = {
  name: (row, v) => {
    row.name = v;
    return undefined;
  },
  source_id: (row, v) => {
    row.source_id = v;
    return undefined;
  },
  image_url: (row, v) => {
    row.image_url = v;
    return undefined;
  },
  attributes: (row, v) => {
    row.attributes = v.split(',').map((name) => name.trim());
    return undefined;
  },
  price: (row, v) => {
    const price = parseCsvPrice(v);
    if (typeof price === 'string') return price;
    row.price = price;
    return undefined;
  },
};

type SkuCsvDraft = Partial<SkuCsvValue['changes']> & { product_ref?: string };

const SKU_COLUMNS: Record<string, Fill<SkuCsvDraft>> = {
  product_id: (row, v) => {
    row.product_ref = v;
    return undefined;
  },
  sku: (row, v) => {
    row.sku = v;
    return undefined;
  },
  source_id: (row, v) => {
    row.source_id = v;
    return undefined;
  },
  image_url: (row, v) => {
    row.image_url = v;
    return undefined;
  },
  price: (row, v) => {
    const price = parseCsvPrice(v);
    if (typeof price === 'string') return price;
    row.price = price;
    return undefined;
  },
  attributes: (row, v) => {
    const attributes = parseCsvSkuAttributes(v);
    if (typeof attributes === 'string') return attributes;
    row.attributes = attributes;
    return undefined;
  },
};

/**
 * Fills a row from its cells: standard headers (case-insensitive) set fields, any other column
 * becomes a metadata key, as Voucherify's imports do. Empty cells are skipped. Answers the first
 * problem found, if any, after reading every cell, so a refused row still names its source_id.
 */
function fillRow<T extends { metadata?: ProductChanges['metadata'] }>(
  record: Record<string, string>,
  columns: Record<string, Fill<T>>,
  row: T,
): string | undefined {
  const metadata: Record<string, string> = {};
  let firstProblem: string | undefined;
  for (const [header, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (value === '') continue;
    const fill = columns[header.trim().toLowerCase()];
    if (!fill) {
      metadata[header.trim()] = value;
      continue;
    }
    const problem = fill(row, value);
    firstProblem ??= problem;
  }
  if (Object.keys(metadata).length > 0) row.metadata = metadata;
  return firstProblem;
}

/** The file's line of a record: line 1 holds the headers. */
function lineOf(index: number): number {
  return index + 2;
}

/** Products from CSV records (header → cell): `name,source_id,price,attributes,image_url,<metadata>`. */
export function productsFromCsvRecords(records: readonly Record<string, string>[]): CsvRow<ProductCsvValue>[] {
  return records.map((record, index) => {
    const line = lineOf(index);
    const value: ProductCsvValue = {};
    const problem =
      fillRow(record, PRODUCT_COLUMNS, value) ?? (value.name === undefined ? 'name is required' : undefined);
    const named = { line, ...(value.source_id ? { source_id: value.source_id } : {}) };
    return problem === undefined ? { ...named, value } : { ...named, problem };
  });
}

/** SKUs from CSV records: `product_id,sku,source_id,price,image_url,attributes,<metadata>`. */
export function skusFromCsvRecords(records: readonly Record<string, string>[]): CsvRow<SkuCsvValue>[] {
  return records.map((record, index) => {
    const line = lineOf(index);
    const draft: SkuCsvDraft = {};
    const problem = fillRow(record, SKU_COLUMNS, draft);
    const { product_ref: productRef, source_id: sourceId, ...changes } = draft;
    if (!sourceId) return { line, problem: problem ?? 'source_id is required' };
    if (problem !== undefined) return { line, problem, source_id: sourceId };
    if (productRef === undefined) return { line, problem: 'product_id is required', source_id: sourceId };
    return {
      line,
      source_id: sourceId,
      value: { product_ref: productRef, changes: { ...changes, source_id: sourceId } },
    };
  });
}
