/** The value types a metadata property may hold, as Voucherify names them. */
export const PROPERTY_TYPES = [
  'string',
  'number',
  'object',
  'date',
  'datetime',
  'geopoint',
  'boolean',
  'image_url',
] as const;

export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Voucherify's standard schemas; any other `related_object` is a custom (nested object) schema. */
export const STANDARD_RESOURCES = [
  'campaign',
  'customer',
  'earning_rule',
  'loyalty_tier',
  'order',
  'order_item',
  'product',
  'promotion_tier',
  'publication',
  'redemption',
  'reward',
  'voucher',
] as const;

/**
 * The objects whose metadata Vouch checks on write. SKUs have no standard schema in Voucherify;
 * a schema with `related_object: "sku"` applies to them.
 */
export type MetadataResource = (typeof STANDARD_RESOURCES)[number] | 'sku';

/** One property of a schema; constraints are present only when set. */
export interface PropertyDefinition {
  type: PropertyType;
  array: boolean;
  optional: boolean;
  /** A removed definition stays listed (Voucherify shows it as removed) but is no longer checked. */
  deleted: boolean;
  /** For `object`: the custom schema (its `related_object`) the nested object follows, or null for any object. */
  object_type: string | null;
  eq?: (string | number)[];
  ne?: (string | number)[];
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
  min_length?: number;
  max_length?: number;
  exact_length?: number;
}

export type PropertyDefinitions = Record<string, PropertyDefinition>;

/** What checking metadata needs of a schema. */
export interface MetadataRules {
  properties: PropertyDefinitions;
  /** When true, keys the schema does not define are refused. */
  allow_defined_only: boolean;
}

export interface MetadataSchema extends MetadataRules {
  id: string;
  related_object: string;
  created_at: string;
  updated_at: string | null;
}

/** The numeric and length constraints, in the order answers list them. */
export const NUMBER_BOUNDS = ['lt', 'lte', 'gt', 'gte'] as const;
export const LENGTH_BOUNDS = ['min_length', 'max_length', 'exact_length'] as const;
