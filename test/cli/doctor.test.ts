import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import VoucherifySdk from '@voucherify/sdk';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconciliationReport } from '../../src/domain/reconciliation/counter-drift.js';
import { PROCESS_DATABASES, type ProcessDatabase } from '../support/crash-databases.js';
import { writeTempCsv } from '../support/csv-files.js';
import { loose } from '../support/loose.js';
import { freePort, runVouch, startVouch, type VouchProcess } from '../support/vouch-process.js';

const { VoucherifyServerSide } = VoucherifySdk;

const KEYS = { VOUCH_APP_ID: 'doctor-shop', VOUCH_SECRET_KEY: 'doctor-secret-0123456789' };
const FIVE_OFF = { type: 'AMOUNT', amount_off: 500 };
/** Several processes start from source in these tests; a busy machine makes that slow. */
const PROCESS_TEST_TIMEOUT_MS = 120_000;

describe.each(PROCESS_DATABASES)('vouch doctor on $name', (kind) => {
  let database: ProcessDatabase;
  let vouch: VouchProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await kind.create();
    env = { VOUCH_DB: database.vouchDb, ...KEYS };
  });
  afterAll(async () => {
    await vouch?.stop();
    await database?.dispose();
  }, PROCESS_TEST_TIMEOUT_MS);

  it(
    'finds nothing to report after redemptions, refusals, rollbacks and a binned voucher',
    async () => {
      vouch = await startVouch(env, { startupTimeoutMs: 60_000 });
      const sdk = VoucherifyServerSide({
        applicationId: KEYS.VOUCH_APP_ID,
        secretKey: KEYS.VOUCH_SECRET_KEY,
        apiUrl: vouch.url,
      });
      await sdk.vouchers.create({ code: 'DOC-LIMITED', discount: FIVE_OFF, redemption: { quantity: 3 } } as never);
      await sdk.vouchers.create({ code: 'DOC-OPEN', discount: FIVE_OFF } as never);
      // Imported with two uses and no redemption rows behind them: not drift.
      const imported = await sdk.vouchers.importCSV(
        writeTempCsv(
          'doctor',
          'Code,Voucher Type,Value,Discount Type,Redemption Limit,Redeemed Quantity\nDOC-IMPORTED,DISCOUNT_VOUCHER,5,PERCENT,5,2',
        ),
      );
      await expect
        .poll(async () => loose(await sdk.asyncActions.get(imported.async_action_id)).status, { timeout: 30_000 })
        .toBe('DONE');
      await sdk.redemptions.redeem('DOC-IMPORTED', {} as never);
      await sdk.campaigns.create({
        name: 'Doctor campaign',
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        vouchers_count: 4,
        voucher: { type: 'DISCOUNT_VOUCHER', discount: FIVE_OFF, code_config: { pattern: 'DOC-####' } },
      } as never);
      const campaignCodes: string[] = loose(
        await sdk.vouchers.list({ campaign: 'Doctor campaign' } as never),
      ).vouchers.map((v: { code: string }) => v.code);
      expect(campaignCodes).toHaveLength(4);
      await sdk.vouchers.delete(campaignCodes[3] as string);

      const limited = [];
      for (let i = 0; i < 3; i++) limited.push(loose(await sdk.redemptions.redeem('DOC-LIMITED', {} as never)));
      await expect(sdk.redemptions.redeem('DOC-LIMITED', {} as never)).rejects.toMatchObject({
        key: 'quantity_exceeded',
      });
      await sdk.redemptions.rollback(limited[0]?.id);
      await sdk.redemptions.redeem('DOC-LIMITED', {} as never);
      for (let i = 0; i < 4; i++) await sdk.redemptions.redeem('DOC-OPEN', {} as never);
      await sdk.redemptions.rollback(loose(await sdk.redemptions.redeem(campaignCodes[0] as string, {} as never)).id);
      await sdk.redemptions.redeem(campaignCodes[1] as string, {} as never);

      // Beside the serving process: the doctor only reads.
      const beside = await runVouch(['doctor'], env);
      expect(beside.stderr).toBe('');
      expect(beside.stdout.trim()).toBe('OK: 7 vouchers and 1 campaign checked, no drift');
      expect(beside.code).toBe(0);
      await vouch.stop();
      vouch = undefined;

      const json = await runVouch(['doctor', '--json'], env);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as ReconciliationReport;
      expect(report).toMatchObject({ clean: true, drifted: 0 });
      expect(report.checks.map((check) => [check.name, check.checked, check.drifted])).toEqual([
        ['voucher.redeemed_quantity', 7, 0],
        ['campaign.vouchers_count', 1, 0],
        ['campaign.redemptions_count', 1, 0],
        ['campaign.orders_amount', 1, 0],
        ['voucher.gift_balance', 0, 0],
      ]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'names each drifted voucher and campaign with both numbers and exits 1',
    async () => {
      const { db } = database;
      const limited = await db
        .selectFrom('vouchers')
        .select(['id', 'project_id'])
        .where('code', '=', 'DOC-LIMITED')
        .executeTakeFirstOrThrow();
      const campaign = await db
        .selectFrom('campaigns')
        .select('id')
        .where('name', '=', 'Doctor campaign')
        .executeTakeFirstOrThrow();
      // What a lost rollback and a doubled generation batch would leave behind.
      await db
        .updateTable('vouchers')
        .set({ redeemed_quantity: sql`redeemed_quantity + 2` })
        .where('id', '=', limited.id)
        .execute();
      await db
        .updateTable('campaigns')
        .set({ vouchers_count: 7, redemptions_count: 4 })
        .where('id', '=', campaign.id)
        .execute();

      const text = await runVouch(['doctor'], env);
      expect(text.code).toBe(1);
      expect(text.stdout.trim().split('\n')).toEqual([
        `DRIFT voucher.redeemed_quantity: voucher ${limited.id} "DOC-LIMITED" in project ${limited.project_id} stores 5, counted 3 (imported uses plus successful redemptions not rolled back)`,
        `DRIFT campaign.vouchers_count: campaign ${campaign.id} "Doctor campaign" in project ${limited.project_id} stores 7, counted 3 (live vouchers in the campaign)`,
        `DRIFT campaign.redemptions_count: campaign ${campaign.id} "Doctor campaign" in project ${limited.project_id} stores 4, counted 1 (successful redemptions of its vouchers not rolled back)`,
        'DRIFT: 1 of 7 vouchers on voucher.redeemed_quantity, 1 of 1 campaign on campaign.vouchers_count, 1 of 1 campaign on campaign.redemptions_count, 0 of 1 campaign on campaign.orders_amount, 0 of 0 vouchers on voucher.gift_balance',
      ]);

      const json = await runVouch(['doctor', '--json'], env);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as ReconciliationReport;
      expect(report).toMatchObject({ clean: false, drifted: 3 });
      expect(report.checks[0]?.drifts).toEqual([
        {
          object: 'voucher',
          id: limited.id,
          project_id: limited.project_id,
          label: 'DOC-LIMITED',
          stored: 5,
          counted: 3,
        },
      ]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

describe('vouch doctor when it cannot check', () => {
  it('exits 2 with one line when the database file does not exist, and creates none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-doctor-'));
    const file = join(dir, 'missing', 'vouch.db');
    try {
      const result = await runVouch(['doctor'], { VOUCH_DB: file });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`vouch doctor: no database at ${file}\n`);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line when PostgreSQL cannot be reached', async () => {
    const port = await freePort();
    const result = await runVouch(['doctor'], { VOUCH_DB: `postgres://postgres@127.0.0.1:${port}/none` });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vouch doctor: cannot check the database: .+\n$/);
    expect(result.stderr).not.toContain('    at ');
  });

  it('exits 2 on a bad setting', async () => {
    const result = await runVouch(['doctor'], { VOUCH_LOG_LEVEL: 'loud' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vouch doctor: VOUCH_LOG_LEVEL must be one of/);
  });
});
