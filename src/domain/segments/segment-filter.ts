import { AppError } from '../errors.js';
import type { FilterFieldCatalog, ParsedFilter } from '../filters/filter.js';
import { MAX_FILTER_TEXT, normalizeFilterObject, parseFilter } from '../filters/parse-filter.js';

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

export interface SegmentFilter {
  parsed: ParsedFilter;
  /** The filter as stored and echoed: the client's object with the junction spelled out. */
  normalized: Record<string, unknown>;
  needs: SegmentFactNeeds;
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

function needsOf(parsed: ParsedFilter): SegmentFactNeeds {
  const fields = parsed.clauses.map((clause) => clause.field);
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
  const parsed = parseFilter(object, catalogFor(object), { label: 'filter' });
  if (parsed.clauses.length === 0) refuse('filter: name at least one customer field');
  return { parsed, normalized: normalizeFilterObject(object, parsed), needs: needsOf(parsed) };
}

/** The needs of several filters together: what one refresh loads for all of them. */
export function combineNeeds(needs: readonly SegmentFactNeeds[]): SegmentFactNeeds {
  return {
    orders: needs.some((need) => need.orders),
    redemptions: needs.some((need) => need.redemptions),
    events: [...new Set(needs.flatMap((need) => need.events))],
  };
}
