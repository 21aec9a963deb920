import type { Clock } from '../ports.js';
import type { CounterChange, WindowCounters } from './window-counters.js';

interface Entry {
  value: number;
  expiresAtMs: number;
}

/**
 * Counters in this process's memory, for a single Vouch process. They are bounded: when more
 * counters are alive than `maxEntries` (a flood from many addresses), expired ones are dropped
 * first and then the oldest, which lets a forgotten client start again rather than letting the
 * map grow until the process runs out of memory.
 */
export class MemoryWindowCounters implements WindowCounters {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 200_000,
  ) {}

  async apply(changes: readonly CounterChange[]): Promise<number[]> {
    const nowMs = this.clock.now().getTime();
    return changes.map((change) => this.applyOne(change, nowMs));
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }

  private applyOne(change: CounterChange, nowMs: number): number {
    const alive = this.entries.get(change.key);
    const entry = alive && alive.expiresAtMs > nowMs ? alive : undefined;
    if (change.add === 0) return entry?.value ?? 0;
    const value = (entry?.value ?? 0) + change.add;
    const expiresAtMs = Math.max(entry?.expiresAtMs ?? 0, nowMs + change.ttlMs);
    if (!alive) this.makeRoom(nowMs);
    this.entries.set(change.key, { value, expiresAtMs });
    return value;
  }

  private makeRoom(nowMs: number): void {
    if (this.entries.size < this.maxEntries) return;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAtMs <= nowMs) this.entries.delete(key);
    }
    // Map iteration follows insertion order, so the counters dropped here are the oldest ones.
    const target = Math.floor(this.maxEntries * 0.9);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= target) break;
      this.entries.delete(key);
    }
  }
}
