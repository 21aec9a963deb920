import type { CheckOutcome, ReconciliationReport } from './counter-drift.js';

/** Adds the checks' findings up into one report; the database is clean when no check drifted. */
export function summariseChecks(checks: readonly CheckOutcome[]): ReconciliationReport {
  const drifted = checks.reduce((sum, check) => sum + check.drifted, 0);
  return { clean: drifted === 0, drifted, checks: [...checks] };
}
