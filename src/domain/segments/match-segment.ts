import type { FilterClause } from '../filters/filter.js';
import { matchesFilter } from '../filters/match-filter.js';
import { holdsRelativeDate } from './relative-date.js';
import { NO_EVENT, type SegmentFacts } from './segment-facts.js';
import { readEventField, type SegmentClause, type SegmentFilter } from './segment-filter.js';

/** The customer as the shared filter matcher reads it: its own fields and its `summary` figures. */
function customerObject(facts: SegmentFacts): Record<string, unknown> {
  return { ...facts.customer, summary: { orders: facts.orders, redemptions: facts.redemptions } };
}

function eventFigures(facts: SegmentFacts, event: string): Record<string, unknown> {
  return { ...((Object.hasOwn(facts.events, event) ? facts.events[event] : NO_EVENT) ?? NO_EVENT) };
}

/**
 * One clause, with the shared matcher's meaning. An event clause reads the event's figures,
 * looked up by name, since an event name may itself hold dots.
 */
function matchesClause(clause: FilterClause, facts: SegmentFacts, customer: Record<string, unknown>): boolean {
  const event = readEventField(clause.field);
  if (event === undefined || clause.target.kind !== 'field') {
    return matchesFilter({ junction: 'and', clauses: [clause] }, customer);
  }
  const target = { ...clause.target, name: event.figure };
  return matchesFilter({ junction: 'and', clauses: [{ ...clause, target }] }, eventFigures(facts, event.event));
}

/** A date field's value as text, or null when the customer has none. */
function readDate(field: string, facts: SegmentFacts, customer: Record<string, unknown>): string | null {
  const event = readEventField(field);
  const [object, path] = event === undefined ? [customer, field] : [eventFigures(facts, event.event), event.figure];
  const value = path
    .split('.')
    .reduce<unknown>(
      (current, part) =>
        typeof current === 'object' && current !== null && Object.hasOwn(current, part)
          ? (current as Record<string, unknown>)[part]
          : undefined,
      object,
    );
  return typeof value === 'string' ? value : null;
}

function matchesSegmentClause(
  clause: SegmentClause,
  facts: SegmentFacts,
  customer: Record<string, unknown>,
  now: Date,
): boolean {
  if (clause.shared !== null && !matchesClause(clause.shared, facts, customer)) return false;
  if (clause.relative.length === 0) return true;
  const value = readDate(clause.field, facts, customer);
  return clause.relative.every((condition) => holdsRelativeDate(condition, value, now));
}

/** Whether a customer belongs to a filtered segment at `now`, which relative-date conditions count from. */
export function matchesSegmentFilter(filter: SegmentFilter, facts: SegmentFacts, now: Date): boolean {
  const customer = customerObject(facts);
  if (filter.clauses.length === 0) return true;
  return filter.parsed.junction === 'and'
    ? filter.clauses.every((clause) => matchesSegmentClause(clause, facts, customer, now))
    : filter.clauses.some((clause) => matchesSegmentClause(clause, facts, customer, now));
}
