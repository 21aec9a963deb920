/** One change to a counter. */
export interface CounterChange {
  key: string;
  /** What to add: 1 to count, -1 to give back, 0 only to read. */
  add: number;
  /** How long the counter must outlive this change; it is forgotten afterwards. */
  ttlMs: number;
}

/**
 * Where rate-limit and guess counters live: this process's memory, or Redis shared by every
 * process. Each change is one atomic add, so processes counting at the same moment never lose a
 * count (the same rule as the database's limits: never read, add in memory, write back).
 */
export interface WindowCounters {
  /** Applies the changes and answers each counter's value after its change, in order. */
  apply(changes: readonly CounterChange[]): Promise<number[]>;
  /** Resolves once counting works; rejects when the backing store cannot be reached (counting then fails open). */
  ready(): Promise<void>;
  close(): Promise<void>;
}
