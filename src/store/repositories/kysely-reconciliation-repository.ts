import { type AliasedSelectQueryBuilder, type Kysely, sql } from 'kysely';
import type { CounterCheck, ReconciliationRepository } from '../../app/repositories/reconciliation-repository.js';
import type { CounterCheckDefinition, CounterRecount } from '../../domain/reconciliation/counter-drift.js';
import type { Database } from '../tables.js';

/** One object's stored counter beside its recount. */
interface ComparedRow {
  project_id: string;
  id: string;
  label: string | null;
  stored: number;
  counted: number;
}

type Comparison = AliasedSelectQueryBuilder<ComparedRow, 'compared'>;

interface CounterComparison extends CounterCheckDefinition {
  /** Every object of the kind with its stored counter and the recount, as one grouped query. */
  compare(db: Kysely<Database>): Comparison;
}

/**
 * A voucher's uses: the uses it was imported with, plus one per successful redemption of it that
 * was not rolled back (a rollback sets `rollback_id` on the redemption it gives back). Every
 * voucher is checked, also binned ones.
 */
const voucherRedeemedQuantity: CounterComparison = {
  name: 'voucher.redeemed_quantity',
  object: 'voucher',
  counter: 'redeemed_quantity',
  counts: 'imported uses plus successful redemptions not rolled back',
  compare: (db) =>
    db
      .selectFrom('vouchers as v')
      .leftJoin(
        db
          .selectFrom('redemptions')
          .select(['project_id', 'voucher_id', sql<number>`count(*)`.as('n')])
          .where('object', '=', 'redemption')
          .where('result', '=', 'SUCCESS')
          .where('rollback_id', 'is', null)
          .where('voucher_id', 'is not', null)
          .groupBy(['project_id', 'voucher_id'])
          .as('r'),
        (join) => join.onRef('r.project_id', '=', 'v.project_id').onRef('r.voucher_id', '=', 'v.id'),
      )
      .select([
        'v.project_id',
        'v.id',
        'v.code as label',
        'v.redeemed_quantity as stored',
        sql<number>`coalesce(r.n, 0) + v.imported_redeemed_quantity`.as('counted'),
      ])
      .as('compared'),
};

/**
 * A live campaign's vouchers: its live (not binned) vouchers. A binned campaign is left out: the
 * job that bins its vouchers leaves the count as it was when the campaign went to the bin.
 */
const campaignVouchersCount: CounterComparison = {
  name: 'campaign.vouchers_count',
  object: 'campaign',
  counter: 'vouchers_count',
  counts: 'live vouchers in the campaign',
  compare: (db) =>
    db
      .selectFrom('campaigns as c')
      .leftJoin(
        db
          .selectFrom('vouchers')
          .select(['project_id', 'campaign_id', sql<number>`count(*)`.as('n')])
          .where('campaign_id', 'is not', null)
          .where('deleted_at', 'is', null)
          .groupBy(['project_id', 'campaign_id'])
          .as('v'),
        (join) => join.onRef('v.project_id', '=', 'c.project_id').onRef('v.campaign_id', '=', 'c.id'),
      )
      .where('c.deleted_at', 'is', null)
      .select([
        'c.project_id',
        'c.id',
        'c.name as label',
        'c.vouchers_count as stored',
        sql<number>`coalesce(v.n, 0)`.as('counted'),
      ])
      .as('compared'),
};

/**
 * A campaign's totals of its standing redemptions (successful, not rolled back): how many, and
 * the amounts of the orders they were made with. Every campaign is checked, also binned ones.
 */
function campaignStandingTotal(
  counter: 'redemptions_count' | 'orders_amount',
  counts: string,
  total: 'count(*)' | 'coalesce(sum(order_amount), 0)',
): CounterComparison {
  return {
    name: `campaign.${counter}`,
    object: 'campaign',
    counter,
    counts,
    compare: (db) =>
      db
        .selectFrom('campaigns as c')
        .leftJoin(
          db
            .selectFrom('redemptions')
            .select(['project_id', 'campaign_id', sql<number>`${sql.raw(total)}`.as('n')])
            .where('object', '=', 'redemption')
            .where('status', '=', 'SUCCEEDED')
            .where('campaign_id', 'is not', null)
            .groupBy(['project_id', 'campaign_id'])
            .as('r'),
          (join) => join.onRef('r.project_id', '=', 'c.project_id').onRef('r.campaign_id', '=', 'c.id'),
        )
        .select([
          'c.project_id',
          'c.id',
          'c.name as label',
          sql<number>`${sql.ref(`c.${counter}`)}`.as('stored'),
          sql<number>`coalesce(r.n, 0)`.as('counted'),
        ])
        .as('compared'),
  };
}

const campaignRedemptionsCount = campaignStandingTotal(
  'redemptions_count',
  'successful redemptions of its vouchers not rolled back',
  'count(*)',
);
const campaignOrdersAmount = campaignStandingTotal(
  'orders_amount',
  'the order amounts of those redemptions',
  'coalesce(sum(order_amount), 0)',
);

/**
 * A gift card's balance: the credits it had before its first movement plus every movement in its
 * ledger. Only cards whose credits ever moved have a stored balance to check.
 */
const voucherGiftBalance: CounterComparison = {
  name: 'voucher.gift_balance',
  object: 'voucher',
  counter: 'gift_balance',
  counts: 'opening credits plus the sum of its ledger (voucher_transactions)',
  compare: (db) =>
    db
      .selectFrom('vouchers as v')
      .leftJoin(
        db
          .selectFrom('voucher_transactions')
          .select(['project_id', 'voucher_id', sql<number>`sum(amount)`.as('n')])
          .groupBy(['project_id', 'voucher_id'])
          .as('t'),
        (join) => join.onRef('t.project_id', '=', 'v.project_id').onRef('t.voucher_id', '=', 'v.id'),
      )
      .where('v.gift_balance', 'is not', null)
      .select([
        'v.project_id',
        'v.id',
        'v.code as label',
        sql<number>`v.gift_balance`.as('stored'),
        sql<number>`coalesce(v.gift_opening, 0) + coalesce(t.n, 0)`.as('counted'),
      ])
      .as('compared'),
};

/** Every stored counter there is, in the order the report lists them. */
const COUNTER_COMPARISONS: readonly CounterComparison[] = [
  voucherRedeemedQuantity,
  campaignVouchersCount,
  campaignRedemptionsCount,
  campaignOrdersAmount,
  voucherGiftBalance,
];

/**
 * Totals first, and the drifted objects only when there are some: a clean database costs one
 * scan per check. Both read one snapshot (a repeatable-read transaction on PostgreSQL, a read
 * transaction in SQLite's WAL), so the listing agrees with the totals while Vouch keeps serving.
 */
function recount(db: Kysely<Database>, comparison: CounterComparison, maxListed: number): Promise<CounterRecount> {
  const work = (trx: Kysely<Database>) => recountInSnapshot(trx, comparison, maxListed);
  if (db.isTransaction) return work(db);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

async function recountInSnapshot(
  trx: Kysely<Database>,
  comparison: CounterComparison,
  maxListed: number,
): Promise<CounterRecount> {
  const totals = await trx
    .selectFrom(comparison.compare(trx))
    .select([
      sql<number>`count(*)`.as('checked'),
      sql<number>`coalesce(sum(case when compared.stored <> compared.counted then 1 else 0 end), 0)`.as('drifted'),
    ])
    .executeTakeFirstOrThrow();
  const drifted = Number(totals.drifted);
  const rows =
    drifted === 0 || maxListed <= 0
      ? []
      : await trx
          .selectFrom(comparison.compare(trx))
          .selectAll()
          .whereRef('compared.stored', '<>', 'compared.counted')
          .orderBy('compared.project_id')
          .orderBy('compared.id')
          .limit(maxListed)
          .execute();
  return {
    checked: Number(totals.checked),
    drifted,
    drifts: rows.map((row) => ({
      object: comparison.object,
      id: row.id,
      project_id: row.project_id,
      label: row.label,
      stored: Number(row.stored),
      counted: Number(row.counted),
    })),
  };
}

/** The counter checks over Kysely: the same SQL on SQLite and PostgreSQL, across all projects. */
export class KyselyReconciliationRepository implements ReconciliationRepository {
  readonly counterChecks: readonly CounterCheck[];

  constructor(db: Kysely<Database>) {
    this.counterChecks = COUNTER_COMPARISONS.map((comparison) => ({
      name: comparison.name,
      object: comparison.object,
      counter: comparison.counter,
      counts: comparison.counts,
      run: (maxListed: number) => recount(db, comparison, maxListed),
    }));
  }
}
