import type { Clock } from '../ports.js';

/** Called when counting failed and a request was let through uncounted. */
export type CountingFailureHandler = (error: unknown) => void;

/**
 * Reports counting failures at most once per `intervalMs`: while Redis is down every request
 * fails to count, and one warning per request would bury the log (and slow the API) when it
 * should say once that limits are off until Redis is back.
 */
export function reportAtMostEvery(
  intervalMs: number,
  clock: Clock,
  report: (error: unknown, missed: number) => void,
): CountingFailureHandler {
  let lastReportMs = Number.NEGATIVE_INFINITY;
  let missed = 0;
  return (error) => {
    const nowMs = clock.now().getTime();
    if (nowMs - lastReportMs < intervalMs) {
      missed++;
      return;
    }
    report(error, missed);
    lastReportMs = nowMs;
    missed = 0;
  };
}
