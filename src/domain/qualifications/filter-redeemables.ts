import type { QualifiedRedeemable } from './qualified-redeemable.js';

/** One field's conditions, as the spec's QualificationsFiltersCondition lists them. */
export interface FieldConditions {
  $is?: readonly string[] | null;
  $is_not?: readonly string[] | null;
  $in?: readonly string[] | null;
  $not_in?: readonly string[] | null;
  $has_value?: unknown;
  $is_unknown?: unknown;
}

export const FILTER_FIELDS = [
  'category_id',
  'campaign_id',
  'campaign_type',
  'resource_id',
  'resource_type',
  'voucher_type',
  'code',
  'holder_role',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** `junction` is `and` or `or` in the spec; any case is accepted. */
export type QualificationFilters = { junction?: string | null } & {
  [field in FilterField]?: { conditions?: FieldConditions | null } | null;
};

/** The values a field has on a redeemable: categories are many, every other field one or none. */
function valuesOf(redeemable: QualifiedRedeemable, field: FilterField): readonly string[] {
  const single = (value: string | null) => (value === null ? [] : [value]);
  switch (field) {
    case 'category_id':
      return redeemable.category_ids;
    case 'campaign_id':
      return single(redeemable.campaign_id);
    case 'campaign_type':
      return single(redeemable.campaign_type);
    case 'resource_id':
      return single(redeemable.resource_id);
    case 'resource_type':
      return [redeemable.object];
    case 'voucher_type':
      return single(redeemable.voucher_type);
    case 'code':
      return single(redeemable.code);
    case 'holder_role':
      return single(redeemable.holder_role);
  }
}

/**
 * Whether one field's conditions all hold. `$is`/`$is_not` compare with the first value only (the
 * spec says so for holder_role; the others take one value in its examples); `$in`/`$not_in` with
 * any. A field with many values (categories) matches when any of them does.
 */
function holds(values: readonly string[], conditions: FieldConditions): boolean {
  const { $is, $is_not, $in, $not_in } = conditions;
  if ($is && $is.length > 0 && !values.includes($is[0] as string)) return false;
  if ($is_not && $is_not.length > 0 && values.includes($is_not[0] as string)) return false;
  if ($in && !values.some((value) => $in.includes(value))) return false;
  if ($not_in?.some((value) => values.includes(value))) return false;
  if (conditions.$has_value !== undefined && values.length === 0) return false;
  if (conditions.$is_unknown !== undefined && values.length > 0) return false;
  return true;
}

/** The fields the filters set conditions on, each with its conditions. */
function activeConditions(filters: QualificationFilters): [FilterField, FieldConditions][] {
  return FILTER_FIELDS.flatMap((field) => {
    const conditions = filters[field]?.conditions;
    return conditions ? [[field, conditions] as [FilterField, FieldConditions]] : [];
  });
}

/**
 * Keeps the redeemables the filters let through: every field's conditions (`and`, the default)
 * or any field's (`or`). No filter keeps everything.
 */
export function filterRedeemables<T extends QualifiedRedeemable>(
  redeemables: readonly T[],
  filters: QualificationFilters | null | undefined,
): T[] {
  const conditions = filters ? activeConditions(filters) : [];
  if (conditions.length === 0) return [...redeemables];
  const any = filters?.junction?.toLowerCase() === 'or';
  return redeemables.filter((redeemable) => {
    const results = conditions.map(([field, condition]) => holds(valuesOf(redeemable, field), condition));
    return any ? results.some(Boolean) : results.every(Boolean);
  });
}
