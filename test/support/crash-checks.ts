import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/tables.js';
import { type CrashLedger, describeAttempt, effectiveAnswer } from './crash-ledger.js';
import type { LoadTarget, LoadVoucher } from './redemption-load.js';

/** What one round of checks after a restart looked at; `findings` lists every broken promise. */
export interface CrashCheckResult {
  findings: string[];
  /** Distinct redemptions a client saw succeed, each found stored as a success. */
  successesChecked: number;
  /** Answers a client saw as 400s, each found stored as a failure (or never stored as a success). */
  refusalsChecked: number;
  /** Requests that got no answer and were not settled by a retry. */
  unknownOutcomes: number;
}

interface StoredRedemption {
  id: string;
  object: string;
  result: string;
  status: string;
  voucher_code: string | null;
  rollback_id: string | null;
  rollback_of: string | null;
}

/** What the clients saw, tallied per voucher and redemption, for the checks on stored rows. */
interface SeenTallies {
  findings: string[];
  refusalsChecked: number;
  unknownOutcomes: number;
  /** Per voucher code: the redemption ids clients saw succeed. */
  knownSuccesses: Map<string, Set<string>>;
  /** Per voucher code: redemptions sent that got no answer. */
  unknownRedeems: Map<string, number>;
  /** Redemptions some client asked to roll back (answered with success, or not answered). */
  rollbackAsked: Set<string>;
}

function addTo(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Each answer a client saw must be what the database holds. */
function checkSeenAnswers(ledger: CrashLedger, byId: Map<string, StoredRedemption>): SeenTallies {
  const tallies: SeenTallies = {
    findings: [],
    refusalsChecked: 0,
    unknownOutcomes: 0,
    knownSuccesses: new Map(),
    unknownRedeems: new Map(),
    rollbackAsked: new Set(),
  };
  const { findings } = tallies;
  for (const attempt of ledger.attempts) {
    const answer = effectiveAnswer(attempt);
    if (answer === 'not_committed') continue;
    const said = `${describeAttempt(attempt)}: the client saw`;
    if (answer.kind === 'unexpected') findings.push(`${said} ${answer.status} ${answer.text}`);
    if (answer.kind === 'unknown') {
      tallies.unknownOutcomes++;
      if (attempt.op === 'redeem') addTo(tallies.unknownRedeems, attempt.target);
      else tallies.rollbackAsked.add(attempt.target);
    }
    if (attempt.op === 'redeem' && answer.kind === 'succeeded') {
      const row = byId.get(answer.id);
      if (row?.object !== 'redemption' || row.result !== 'SUCCESS' || row.voucher_code !== attempt.target) {
        findings.push(`${said} ${answer.id} succeed, the database holds ${JSON.stringify(row)}`);
      }
      const ids = tallies.knownSuccesses.get(attempt.target) ?? new Set<string>();
      tallies.knownSuccesses.set(attempt.target, ids.add(answer.id));
    }
    if (attempt.op === 'redeem' && answer.kind === 'refused') {
      const row = answer.resourceId ? byId.get(answer.resourceId) : undefined;
      if (row?.result !== 'FAILURE') findings.push(`${said} ${answer.key}, the database holds ${JSON.stringify(row)}`);
      tallies.refusalsChecked++;
    }
    if (attempt.op === 'rollback' && answer.kind === 'succeeded') {
      const [rollback, redemption] = [byId.get(answer.id), byId.get(attempt.target)];
      if (rollback?.rollback_of !== attempt.target || redemption?.rollback_id !== answer.id) {
        findings.push(`${said} rollback ${answer.id}, the database holds ${JSON.stringify([rollback, redemption])}`);
      }
      tallies.rollbackAsked.add(attempt.target);
    }
    if (attempt.op === 'rollback' && answer.kind === 'refused') {
      const redemption = byId.get(attempt.target);
      if (answer.key !== 'already_rolled_back' || redemption?.status !== 'ROLLED_BACK') {
        findings.push(`${said} ${answer.key}, the database holds ${JSON.stringify(redemption)}`);
      }
      tallies.refusalsChecked++;
    }
  }
  return tallies;
}

/** Per voucher code: successful redemptions stored, and those of them not rolled back. */
interface StoredTallies {
  findings: string[];
  successes: Map<string, number>;
  liveUses: Map<string, number>;
}

/** Every stored rollback must be one some client asked for, and linked both ways. */
function checkStoredRows(
  rows: readonly StoredRedemption[],
  byId: Map<string, StoredRedemption>,
  seen: SeenTallies,
): StoredTallies {
  const tallies: StoredTallies = { findings: [], successes: new Map(), liveUses: new Map() };
  for (const row of rows) {
    if (row.object === 'redemption' && row.result === 'SUCCESS' && row.voucher_code) {
      addTo(tallies.successes, row.voucher_code);
      if (row.rollback_id === null) addTo(tallies.liveUses, row.voucher_code);
      if (row.status === 'ROLLED_BACK' && !seen.rollbackAsked.has(row.id)) {
        tallies.findings.push(`redemption ${row.id} is rolled back, but no client asked for it (not even unanswered)`);
      }
    }
    if (row.object === 'redemption_rollback' && byId.get(row.rollback_of ?? '')?.rollback_id !== row.id) {
      tallies.findings.push(`rollback ${row.id} is not the rollback its redemption ${row.rollback_of} points to`);
    }
  }
  return tallies;
}

/**
 * Each voucher's counter equals its successful, not rolled back redemptions and stays within its
 * limit; successes no client heard of are at most the redemptions that got no answer.
 */
async function checkVoucherCounters(
  db: Kysely<Database>,
  vouchers: readonly LoadVoucher[],
  seen: SeenTallies,
  stored: StoredTallies,
): Promise<string[]> {
  const findings: string[] = [];
  const rows = await db.selectFrom('vouchers').select(['code', 'redeemed_quantity']).execute();
  const redeemed = new Map(rows.map((row) => [row.code, Number(row.redeemed_quantity)]));
  for (const { code, quantity } of vouchers) {
    const counter = redeemed.get(code);
    const counted = stored.liveUses.get(code) ?? 0;
    if (counter !== counted) {
      findings.push(
        `voucher ${code}: redeemed_quantity ${counter}, but ${counted} successful redemptions not rolled back`,
      );
    }
    if (quantity !== null && (counter ?? 0) > quantity) {
      findings.push(`voucher ${code}: redeemed ${counter} times, its limit is ${quantity}`);
    }
    const [inStore, heard, unanswered] = [
      stored.successes.get(code) ?? 0,
      seen.knownSuccesses.get(code)?.size ?? 0,
      seen.unknownRedeems.get(code) ?? 0,
    ];
    if (inStore < heard || inStore - heard > unanswered) {
      findings.push(`voucher ${code}: ${inStore} successes stored, ${heard} seen and ${unanswered} unanswered`);
    }
  }
  return findings;
}

/**
 * Compares the database with what the clients saw: every success they saw is stored, no 400 is
 * stored as a success, rows no client heard of come only from unanswered requests, each
 * voucher's counter is right and within its limit, and no idempotency key is left half-claimed.
 */
export async function checkAgainstLedger(
  db: Kysely<Database>,
  ledger: CrashLedger,
  vouchers: readonly LoadVoucher[],
): Promise<CrashCheckResult> {
  const rows: StoredRedemption[] = await db
    .selectFrom('redemptions')
    .select(['id', 'object', 'result', 'status', 'voucher_code', 'rollback_id', 'rollback_of'])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const seen = checkSeenAnswers(ledger, byId);
  const stored = checkStoredRows(rows, byId, seen);
  const halfClaimed = await db.selectFrom('idempotency_keys').select('key').where('status_code', '=', 0).execute();
  const findings = [
    ...seen.findings,
    ...stored.findings,
    ...(await checkVoucherCounters(db, vouchers, seen, stored)),
    ...halfClaimed.map(({ key }) => `idempotency key ${key} is stored half-claimed (status 0)`),
  ];
  const successesChecked = [...seen.knownSuccesses.values()].reduce((n, ids) => n + ids.size, 0);
  return { findings, successesChecked, refusalsChecked: seen.refusalsChecked, unknownOutcomes: seen.unknownOutcomes };
}

/** Reads a sample of the successes the clients saw back through the API, as a shop would. */
export async function readBackThroughApi(
  target: LoadTarget,
  ledger: CrashLedger,
  random: () => number,
  count: number,
): Promise<string[]> {
  const findings: string[] = [];
  const ids = ledger.attempts.flatMap((a) => {
    const answer = effectiveAnswer(a);
    return a.op === 'redeem' && answer !== 'not_committed' && answer.kind === 'succeeded' ? [answer.id] : [];
  });
  for (let i = 0; i < Math.min(count, ids.length); i++) {
    const id = ids[Math.floor(random() * ids.length)] as string;
    const response = await fetch(`${target.url}/v1/redemptions/${id}`, {
      headers: { 'x-app-id': target.appId, 'x-app-token': target.secret },
    });
    const body = (await response.json()) as { id?: string; result?: string };
    if (response.status !== 200 || body.id !== id || body.result !== 'SUCCESS') {
      findings.push(`GET /v1/redemptions/${id} answered ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
  }
  return findings;
}
