import { existsSync } from 'node:fs';
import { checkCounters } from '../app/doctor/check-counters.js';
import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../domain/errors.js';
import { formatReport } from '../domain/reconciliation/format-report.js';
import { openStore } from '../store/open-store.js';

/** `vouch doctor`'s exit codes, for scripts and monitoring. */
export const DOCTOR_EXIT = { clean: 0, drift: 1, error: 2 } as const;

export interface DoctorOptions {
  json: boolean;
}

class DoctorError extends Error {}

/** One line a person can act on; never a stack. */
function describeFailure(error: unknown): string {
  if (error instanceof AppError) return error.details ?? error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/**
 * `vouch doctor [--json]`: recounts the rows behind every stored counter, in every project, and
 * prints what drifted. It never migrates nor creates a database: it reads the one Vouch uses.
 * Answers the exit code: 0 clean, 1 drift found, 2 the check could not run.
 */
export async function doctor(options: DoctorOptions): Promise<number> {
  try {
    const config = loadConfig();
    const { database } = config;
    if (database.kind === 'sqlite' && database.file !== ':memory:' && !existsSync(database.file)) {
      throw new DoctorError(`no database at ${database.file}`);
    }
    const store = await openStore(database, { migrate: false });
    try {
      const report = await checkCounters(store);
      process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
      return report.clean ? DOCTOR_EXIT.clean : DOCTOR_EXIT.drift;
    } finally {
      await store.close();
    }
  } catch (error) {
    const reason =
      error instanceof DoctorError || error instanceof ConfigError
        ? error.message
        : `cannot check the database: ${describeFailure(error)}`;
    process.stderr.write(`vouch doctor: ${reason}\n`);
    return DOCTOR_EXIT.error;
  }
}
