import { AppError } from '../errors.js';
import type { FilterClause, FilterFieldCatalog, ParsedFilter } from '../filters/filter.js';
import { MAX_FILTER_FIELDS, MAX_FILTER_TEXT, normalizeFilterObject, parseFilter } from '../filters/parse-filter.js';
import {
  isRelativeDateOperator,
  MAX_RELATIVE_DAYS,
  RELATIVE_DATE_OPERATORS,
  type RelativeDateCondition,
} from './relative-date.js';

/**
 * The customer fields a segment filter may name. Custom events are named per event, as
 * `events.<name>.count` (a number: 0 when never sent) and `events.<name>.last_at` (a date).
 */
export const SEGMENT_FILTER_CATALOG: FilterFieldCatalog = {
  id: 'string',
  source_id: 'string',
  name: 'string',
  email: 'string',
  phone: 'string',
  description: 'string',
  birthdate: 'date',
  birthday: 'date',
  created_at: 'date',
  updated_at: 'date',
  'address.city': 'string',
  'address.state': 'string',
  'address.line_1': 'string',
  'address.line_2': 'string',
  'address.country': 'string',
  'address.postal_code': 'string',
  metadata: 'metadata',
  'summary.orders.total_amount': 'number',
  'summary.orders.total_count': 'number',
  'summary.orders.average_amount': 'number',
  'summary.orders.last_order_amount': 'number',
  'summary.orders.last_order_date': 'date',
  'summary.redemptions.total_redeemed': 'number',
  'summary.redemptions.total_failed': 'number',
  'summary.redemptions.total_succeeded': 'number',
  'summary.redemptions.total_rolled_back': 'number',
  'summary.redemptions.total_rollback_failed': 'number',
  'summary.redemptions.total_rollback_succeeded': 'number',
};

const EVENT_PREFIX = 'events.';
const EVENT_FIELDS = { count: 'number', last_at: 'date' } as const;
export type EventField = keyof typeof EVENT_FIELDS;

/** What the app must load before evaluating a filter; most filters read the customer alone. */
export interface SegmentFactNeeds {
  orders: boolean;
  redemptions: boolean;
  /** Names of the custom events the filter counts. */
  events: readonly string[];
}

/**
 * One field's conditions: those the shared filter parser knows, and those relative to now, which
 * only segments take. All of them must hold, as for any clause.
 */
export interface SegmentClause {
  field: string;
  shared: FilterClause | null;
  relative: RelativeDateCondition[];
}

export interface SegmentFilter {
  /** The shared parser's view: the junction and the clauses without their relative conditions. */
  parsed: ParsedFilter;
  /** Every field's clause, in the filter's order: what a customer is matched against. */
  clauses: SegmentClause[];
  /** The filter as stored and echoed: the client's object with the junction spelled out. */
  normalized: Record<string, unknown>;
  needs: SegmentFactNeeds;
  /** Whether membership may change with time alone: some condition is relative to now. */
  timeDependent: boolean;
}

/** `events.signed_up.count` → the event's name and figure; the name may hold dots. */
export function readEventField(field: string): { event: string; figure: EventField } | undefined {
  if (!field.startsWith(EVENT_PREFIX)) return undefined;
  const dot = field.lastIndexOf('.');
  const event = field.slice(EVENT_PREFIX.length, dot);
  const figure = field.slice(dot + 1);
  if (event === '' || dot < EVENT_PREFIX.length || !Object.hasOwn(EVENT_FIELDS, figure)) return undefined;
  return { event, figure: figure as EventField };
}

function refuse(details: string): never {
  throw new AppError('invalid_payload', { details });
}

/** The catalog with the event fields this filter names added, so the shared parser checks them like any field. */
function catalogFor(raw: Record<string, unknown>): FilterFieldCatalog {
  const catalog: Record<string, FilterFieldCatalog[string]> = { ...SEGMENT_FILTER_CATALOG };
  for (const field of Object.keys(raw)) {
    if (!field.startsWith(EVENT_PREFIX)) continue;
    const read = readEventField(field);
    if (read === undefined || read.event.length > MAX_FILTER_TEXT) {
      refuse(
        `filter.${field.slice(0, 80)}: a custom event is filtered as "events.<name>.count" or "events.<name>.last_at"`,
      );
    }
    catalog[field] = EVENT_FIELDS[read.figure];
  }
  return catalog;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DAYS_TEXT = /^\d+$/;

function parseDays(path: string, raw: unknown): number {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length !== 1) refuse(`${path}: takes exactly one number of days, got ${list.length}`);
  const [value] = list;
  const days = typeof value === 'string' && DAYS_TEXT.test(value) ? Number(value) : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_RELATIVE_DAYS) {
    refuse(`${path}: expected a whole number of days from 0 to ${MAX_RELATIVE_DAYS}`);
  }
  return days;
}

/**
 * Takes the relative-date conditions out of the filter, checking them here, and leaves the rest
 * for the shared parser; a field holding only relative conditions is left out of its input.
 */
function splitRelative(
  fields: Record<string, unknown>,
  catalog: FilterFieldCatalog,
): { shared: Record<string, unknown>; relative: Map<string, RelativeDateCondition[]> } {
  const shared: Record<string, unknown> = {};
  const relative = new Map<string, RelativeDateCondition[]>();
  for (const [field, raw] of Object.entries(fields)) {
    const conditions = isPlainObject(raw) ? raw.conditions : undefined;
    const operators = isPlainObject(conditions) ? Object.keys(conditions).filter(isRelativeDateOperator) : [];
    if (!isPlainObject(raw) || !isPlainObject(conditions) || operators.length === 0) {
      shared[field] = raw;
      continue;
    }
    const path = `filter.${field.slice(0, 80)}`;
    const type = Object.hasOwn(catalog, field) ? catalog[field] : undefined;
    if (type !== 'date') {
      refuse(
        `${path}.conditions.${operators[0]}: ${RELATIVE_DATE_OPERATORS.join(', ')} apply to date fields only: ${Object.keys(
          catalog,
        )
          .filter((name) => catalog[name] === 'date')
          .join(', ')}, events.<name>.last_at`,
      );
    }
    relative.set(
      field,
      operators.map((operator) => ({
        operator,
        days: parseDays(`${path}.conditions.${operator}`, conditions[operator]),
      })),
    );
    const rest = Object.fromEntries(Object.entries(conditions).filter(([key]) => !isRelativeDateOperator(key)));
    const extra = Object.keys(raw).find((key) => key !== 'conditions');
    if (Object.keys(rest).length > 0 || extra !== undefined) shared[field] = { ...raw, conditions: rest };
  }
  return { shared, relative };
}

function needsOf(clauses: readonly SegmentClause[]): SegmentFactNeeds {
  const fields = clauses.map((clause) => clause.field);
  const events = fields.flatMap((field) => {
    const read = readEventField(field);
    return read === undefined ? [] : [read.event];
  });
  return {
    orders: fields.some((field) => field.startsWith('summary.orders.')),
    redemptions: fields.some((field) => field.startsWith('summary.redemptions.')),
    events: [...new Set(events)],
  };
}

/**
 * Validates an auto-update segment's `filter`: every field must be one a customer has and every
 * operator one that applies to it, else a 400 whose details name the bad part.
 */
export function parseSegmentFilter(raw: unknown): SegmentFilter {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return refuse('filter: must be an object such as {"metadata.tier": {"conditions": {"$is": ["vip"]}}}');
  }
  const object = raw as Record<string, unknown>;
  const { junction, ...fields } = object;
  const names = Object.keys(fields);
  if (names.length > MAX_FILTER_FIELDS) refuse(`filter: names ${names.length} fields; at most ${MAX_FILTER_FIELDS}`);
  const catalog = catalogFor(object);
  const { shared, relative } = splitRelative(fields, catalog);
  const parsed = parseFilter({ junction, ...shared }, catalog, { label: 'filter' });
  const clauses = names.map((field) => ({
    field,
    shared: parsed.clauses.find((clause) => clause.field === field) ?? null,
    relative: relative.get(field) ?? [],
  }));
  if (clauses.length === 0) refuse('filter: name at least one customer field');
  return {
    parsed,
    clauses,
    normalized: normalizeFilterObject(object, parsed),
    needs: needsOf(clauses),
    timeDependent: clauses.some((clause) => clause.relative.length > 0),
  };
}

/** The needs of several filters together: what one refresh loads for all of them. */
export function combineNeeds(needs: readonly SegmentFactNeeds[]): SegmentFactNeeds {
  return {
    orders: needs.some((need) => need.orders),
    redemptions: needs.some((need) => need.redemptions),
    events: [...new Set(needs.flatMap((need) => need.events))],
  };
}
