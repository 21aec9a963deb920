import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAgainstLedger, readBackThroughApi } from '../support/crash-checks.js';
import { PROCESS_DATABASES, type ProcessDatabase } from '../support/crash-databases.js';
import { CrashLedger, seededRandom } from '../support/crash-ledger.js';
import { retryKeyedRequests } from '../support/crash-retries.js';
import { type LoadPlan, type LoadTarget, type LoadVoucher, runRedemptionLoad } from '../support/redemption-load.js';
import { runVouch, startVouch, type VouchProcess } from '../support/vouch-process.js';

/** VOUCH_SOAK=1 runs many more kill cycles than `npm test` has time for. */
const CYCLES = process.env.VOUCH_SOAK === '1' ? 25 : 3;
/** The choices (vouchers, keys, kill moments) follow the seed; the interleaving never repeats exactly. */
const SEED = Number(process.env.VOUCH_CRASH_SEED ?? randomInt(2 ** 31));
const KEYS = { VOUCH_APP_ID: 'crash-shop', VOUCH_SECRET_KEY: 'crash-secret-0123456789' };
const CLIENTS = 32;
/** Answers seen in a cycle before the kill may come: the load must be running when it does. */
const ANSWERS_BEFORE_KILL = 40;
/** Starting from source takes a few seconds; far more when other test files load both cores. */
const STARTUP_TIMEOUT_MS = 60_000;

const VOUCHERS: LoadVoucher[] = [
  ...Array.from({ length: 30 }, (_, i) => ({ code: `CRASH-L${String(i).padStart(2, '0')}`, quantity: 5 })),
  ...Array.from({ length: 6 }, (_, i) => ({ code: `CRASH-U${i}`, quantity: null })),
];

async function createVouchers(target: LoadTarget): Promise<void> {
  for (const { code, quantity } of VOUCHERS) {
    const response = await fetch(`${target.url}/v1/vouchers/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-app-id': target.appId, 'x-app-token': target.secret },
      body: JSON.stringify({
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'AMOUNT', amount_off: 100 },
        ...(quantity === null ? {} : { redemption: { quantity } }),
      }),
    });
    if (response.status !== 200) throw new Error(`creating ${code}: ${response.status} ${await response.text()}`);
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(PROCESS_DATABASES)('redemptions across SIGKILLs on $name', (kind) => {
  let database: ProcessDatabase | undefined;
  let vouch: VouchProcess | undefined;
  afterAll(async () => {
    await vouch?.stop('SIGKILL');
    await database?.dispose();
  }, 120_000);

  it(
    `loses no answered redemption, counts none twice, and reconciles after ${CYCLES} kills (seed ${SEED})`,
    async () => {
      database = await kind.create();
      const env = { VOUCH_DB: database.vouchDb, ...KEYS };
      const random = seededRandom(SEED);
      const limited = new Set(VOUCHERS.filter((v) => v.quantity !== null).map((v) => v.code));
      const ledger = new CrashLedger((code) => limited.has(code));
      const plan: LoadPlan = {
        clients: CLIENTS,
        vouchers: VOUCHERS,
        rollbackShare: 0.15,
        idempotentShare: 0.3,
        customerShare: 0.3,
        random,
      };
      const target = (process: VouchProcess): LoadTarget => ({
        url: process.url,
        appId: KEYS.VOUCH_APP_ID,
        secret: KEYS.VOUCH_SECRET_KEY,
      });

      vouch = await startVouch(env, { startupTimeoutMs: STARTUP_TIMEOUT_MS });
      await createVouchers(target(vouch));
      let unanswered = 0;
      let retried = 0;
      let last = { successesChecked: 0, refusalsChecked: 0 };

      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        let killed = false;
        const load = runRedemptionLoad(target(vouch), ledger, plan, cycle, () => killed);
        await waitUntil(() => ledger.count((a) => a.cycle === cycle) >= ANSWERS_BEFORE_KILL, 'the load to run');
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 800)));
        killed = true;
        expect(await vouch.stop('SIGKILL')).toBeNull();
        await load;
        unanswered += ledger.count((a) => a.cycle === cycle && a.answer.kind === 'unknown');

        // The doctor reads the database as the crash left it, while the server starts again on it.
        const doctorRun = runVouch(['doctor'], env);
        vouch = await startVouch(env, { startupTimeoutMs: STARTUP_TIMEOUT_MS }).catch(async (error: unknown) => {
          await doctorRun;
          throw error;
        });
        const retry = await retryKeyedRequests(target(vouch), database.db, ledger, cycle, random);
        const check = await checkAgainstLedger(database.db, ledger, VOUCHERS);
        const readBack = await readBackThroughApi(target(vouch), ledger, random, 10);
        const doctor = await doctorRun;
        retried += retry.retried;
        last = check;

        const context = `cycle ${cycle} on ${kind.name}, seed ${SEED}`;
        expect([...retry.findings, ...check.findings, ...readBack], context).toEqual([]);
        expect(doctor.stderr, context).toBe('');
        expect(doctor.stdout, context).toMatch(/^OK: 36 vouchers and 0 campaigns checked, no drift/);
        expect(doctor.code, context).toBe(0);
        expect(check.successesChecked, context).toBeGreaterThan(0);
      }

      // The kills must have cut requests off mid-flight, or the test proved nothing about them.
      expect(unanswered).toBeGreaterThan(0);
      console.info(
        `crash safety on ${kind.name} (seed ${SEED}): ${CYCLES} SIGKILLs survived; ${ledger.attempts.length} requests, ` +
          `${last.successesChecked} seen successes and ${last.refusalsChecked} seen refusals checked against the database, ` +
          `${unanswered} unanswered, ${retried} keyed retries`,
      );
    },
    CYCLES * 40_000 + 60_000,
  );
});
