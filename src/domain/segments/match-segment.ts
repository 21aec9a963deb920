import type { FilterClause, ParsedFilter } from '../filters/filter.js';
import { matchesFilter } from '../filters/match-filter.js';
import { NO_EVENT, type SegmentFacts } from './segment-facts.js';
import { readEventField } from './segment-filter.js';

/** The customer as the shared filter matcher reads it: its own fields and its `summary` figures. */
function customerObject(facts: SegmentFacts): Record<string, unknown> {
  return { ...facts.customer, summary: { orders: facts.orders, redemptions: facts.redemptions } };
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
  const figures = Object.hasOwn(facts.events, event.event) ? facts.events[event.event] : NO_EVENT;
  const target = { ...clause.target, name: event.figure };
  return matchesFilter({ junction: 'and', clauses: [{ ...clause, target }] }, { ...(figures ?? NO_EVENT) });
}

/** Whether a customer belongs to a filtered segment. */
export function matchesSegmentFilter(filter: ParsedFilter, facts: SegmentFacts): boolean {
  const customer = customerObject(facts);
  if (filter.clauses.length === 0) return true;
  return filter.junction === 'and'
    ? filter.clauses.every((clause) => matchesClause(clause, facts, customer))
    : filter.clauses.some((clause) => matchesClause(clause, facts, customer));
}
