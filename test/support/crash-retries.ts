import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/tables.js';
import { type CrashLedger, describeAttempt, type SeenAnswer } from './crash-ledger.js';
import { type LoadTarget, sendOperation } from './redemption-load.js';

const SCOPES = { redeem: 'voucher_redemption', rollback: 'redemption_rollback' } as const;
/** Keyed requests with a known answer retried per round, besides every unanswered one. */
const KNOWN_RETRIES_PER_ROUND = 12;
const CHUNK = 400;

interface StoredAnswer {
  status: number;
  id: string | null;
  key: string | null;
  resourceId: string | null;
}

function storedAnswerOf(status: number, response: string): StoredAnswer {
  const body = JSON.parse(response) as { id?: string; key?: string; resource_id?: string } | null;
  return { status, id: body?.id ?? null, key: body?.key ?? null, resourceId: body?.resource_id ?? null };
}

function sameAnswer(seen: SeenAnswer, stored: StoredAnswer): boolean {
  if (seen.kind === 'succeeded') return stored.status === 200 && stored.id === seen.id;
  if (seen.kind === 'refused') {
    return stored.status === seen.status && stored.key === seen.key && stored.resourceId === seen.resourceId;
  }
  return false;
}

function toSeen(stored: StoredAnswer): SeenAnswer {
  if (stored.status === 200 && stored.id) return { kind: 'succeeded', status: 200, id: stored.id };
  return { kind: 'refused', status: stored.status, key: stored.key ?? '', resourceId: stored.resourceId };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function storedKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, StoredAnswer>> {
  const stored = new Map<string, StoredAnswer>();
  for (const chunk of chunks(keys)) {
    const rows = await db
      .selectFrom('idempotency_keys')
      .select(['scope', 'key', 'status_code', 'response'])
      .where('key', 'in', chunk)
      .execute();
    for (const row of rows) stored.set(`${row.scope}:${row.key}`, storedAnswerOf(row.status_code, row.response));
  }
  return stored;
}

/**
 * Sends keyed requests again after the restart: every unanswered one and a sample of answered
 * ones. A key the database holds must answer exactly what it holds (the first answer), and an
 * answered key must hold what the client was told. An unanswered key that is not stored never
 * committed; its retry runs afresh and is recorded as a new attempt.
 */
export async function retryKeyedRequests(
  target: LoadTarget,
  db: Kysely<Database>,
  ledger: CrashLedger,
  cycle: number,
  random: () => number,
): Promise<{ findings: string[]; retried: number }> {
  const findings: string[] = [];
  const keyed = ledger.attempts.filter((a) => a.idempotencyKey !== null && a.settled === undefined);
  const unanswered = keyed.filter((a) => a.answer.kind === 'unknown');
  const answered = keyed.filter((a) => a.cycle === cycle && a.answer.kind !== 'unknown');
  const sample = answered.filter(() => random() < KNOWN_RETRIES_PER_ROUND / Math.max(answered.length, 1));
  const candidates = [...unanswered, ...sample];
  const stored = await storedKeys(
    db,
    candidates.map((a) => a.idempotencyKey as string),
  );
  for (const attempt of candidates) {
    const row = stored.get(`${SCOPES[attempt.op]}:${attempt.idempotencyKey}`);
    const { answer } = attempt;
    if (row?.status === 0) findings.push(`${describeAttempt(attempt)}: its key is stored half-claimed (status 0)`);
    const storesItsAnswers = attempt.op === 'redeem' || answer.kind === 'succeeded';
    if (answer.kind !== 'unknown' && storesItsAnswers && (!row || !sameAnswer(answer, row))) {
      findings.push(
        `${describeAttempt(attempt)}: answered ${JSON.stringify(answer)} but the key holds ${JSON.stringify(row)}`,
      );
    }
    const again = await sendOperation(target, attempt.op, attempt.target, attempt.body, attempt.idempotencyKey);
    if (row) {
      if (!sameAnswer(again, row)) {
        findings.push(
          `${describeAttempt(attempt)}: the retry answered ${JSON.stringify(again)}, not the first answer ${JSON.stringify(row)}`,
        );
      }
      if (answer.kind === 'unknown') attempt.settled = toSeen(row);
    } else if (answer.kind === 'unknown') {
      attempt.settled = 'not_committed';
      ledger.record({ ...attempt, cycle, answer: again, settled: undefined });
    } else if (
      again.kind !== answer.kind ||
      (again.kind === 'refused' && answer.kind === 'refused' && again.key !== answer.key)
    ) {
      findings.push(
        `${describeAttempt(attempt)}: first answered ${JSON.stringify(answer)}, the retry ${JSON.stringify(again)}`,
      );
    }
  }
  return { findings, retried: candidates.length };
}
