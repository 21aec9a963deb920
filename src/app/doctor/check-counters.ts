import type { CheckOutcome, ReconciliationReport } from '../../domain/reconciliation/counter-drift.js';
import { summariseChecks } from '../../domain/reconciliation/summarise-checks.js';
import type { Store } from '../ports.js';

/** Drifted objects listed per check; the report still counts them all. */
export const MAX_LISTED_DRIFTS = 1000;

/**
 * `vouch doctor`: recounts the rows behind every stored counter, in every project, and reports
 * each object whose counter disagrees. It only reads; each check is one consistent snapshot, so
 * it may run beside a serving Vouch without reporting work in flight as drift.
 */
export async function checkCounters(store: Store, maxListed = MAX_LISTED_DRIFTS): Promise<ReconciliationReport> {
  const outcomes: CheckOutcome[] = [];
  for (const check of store.reconciliation.counterChecks) {
    const { name, object, counter, counts } = check;
    outcomes.push({ name, object, counter, counts, ...(await check.run(maxListed)) });
  }
  return summariseChecks(outcomes);
}
