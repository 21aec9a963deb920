import type { CheckOutcome, CounterDrift, ReconciliationReport } from './counter-drift.js';

/** 12345 as `12,345`, the same on every machine (toLocaleString depends on the installed locales). */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function noun(count: number, object: string): string {
  return count === 1 ? object : `${object}s`;
}

function objects(count: number, object: string): string {
  return `${formatCount(count)} ${noun(count, object)}`;
}

/** Objects checked per kind, once each: two checks over the vouchers still checked the same vouchers. */
function checkedPerObject(checks: readonly CheckOutcome[]): string {
  const perObject = new Map<string, number>();
  for (const check of checks) perObject.set(check.object, Math.max(perObject.get(check.object) ?? 0, check.checked));
  const parts = [...perObject].map(([object, count]) => objects(count, object));
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function describeDrift(check: CheckOutcome, drift: CounterDrift): string {
  const label = drift.label === null ? '' : ` "${drift.label}"`;
  return (
    `DRIFT ${check.name}: ${drift.object} ${drift.id}${label} in project ${drift.project_id} ` +
    `stores ${formatCount(drift.stored)}, counted ${formatCount(drift.counted)} (${check.counts})`
  );
}

/**
 * The report as `vouch doctor` prints it: one line when clean, otherwise one line per drifted
 * object and a closing total.
 */
export function formatReport(report: ReconciliationReport): string {
  if (report.clean) return `OK: ${checkedPerObject(report.checks)} checked, no drift`;
  const lines: string[] = [];
  for (const check of report.checks) {
    for (const drift of check.drifts) lines.push(describeDrift(check, drift));
    const unlisted = check.drifted - check.drifts.length;
    if (unlisted > 0) {
      lines.push(`  ... and ${formatCount(unlisted)} more ${noun(unlisted, check.object)} drifted on ${check.name}`);
    }
  }
  const totals = report.checks.map(
    (check) => `${formatCount(check.drifted)} of ${objects(check.checked, check.object)} on ${check.name}`,
  );
  lines.push(`DRIFT: ${totals.join(', ')}`);
  return lines.join('\n');
}
