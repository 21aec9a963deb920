/**
 * What `vouch doctor` finds when it recounts the rows behind every stored counter. A counter is
 * moved by a conditional write in the same transaction as the row it counts (invariant 1 and 2
 * in ARCHITECTURE.md), so on a healthy database every recount agrees; a drift row is evidence of a
 * lost or doubled write, or of a hand edit.
 */

/** One object whose stored counter disagrees with a recount of the rows it counts. */
export interface CounterDrift {
  /** The kind of object holding the counter: `voucher`, `campaign`. */
  object: string;
  id: string;
  project_id: string;
  /** What a person recognises the object by (a voucher's code, a campaign's name). */
  label: string | null;
  stored: number;
  counted: number;
}

/** A named counter check: which stored figure it compares, and with what recount. */
export interface CounterCheckDefinition {
  /** `<object>.<counter>`, such as `voucher.redeemed_quantity`; stable, for scripts reading --json. */
  name: string;
  object: string;
  counter: string;
  /** What the recount counts, in words, for the report. */
  counts: string;
}

/** What a recount over every object of one kind found. */
export interface CounterRecount {
  checked: number;
  /** All drifted objects; `drifts` may list fewer when there are very many. */
  drifted: number;
  drifts: CounterDrift[];
}

export interface CheckOutcome extends CounterCheckDefinition, CounterRecount {}

export interface ReconciliationReport {
  clean: boolean;
  /** Drifted objects over every check. */
  drifted: number;
  checks: CheckOutcome[];
}
