import type { CounterCheckDefinition, CounterRecount } from '../../domain/reconciliation/counter-drift.js';

/** One stored counter of every project, recounted from the rows it counts. */
export interface CounterCheck extends CounterCheckDefinition {
  /**
   * Compares the stored figure with the recount for every object in one set-based query (not one
   * per object), and lists at most `maxListed` of the drifted ones.
   */
  run(maxListed: number): Promise<CounterRecount>;
}

/**
 * The checks `vouch doctor` runs, over every project. A new counter (gift balances against their
 * ledger, loyalty points, per-customer counts) is one more entry in `counterChecks`.
 */
export interface ReconciliationRepository {
  readonly counterChecks: readonly CounterCheck[];
}
