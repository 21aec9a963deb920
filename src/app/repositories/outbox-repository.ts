/** An event of the transactional outbox: written with the change it describes, sent after commit. */
export interface OutboxEvent {
  id: string;
  type: string;
  payload: unknown;
  created_at: string;
}

export interface OutboxRepository {
  add(event: OutboxEvent): Promise<void>;
  /** Events not yet published, oldest first; for the publisher and for tests. */
  listPending(limit: number): Promise<OutboxEvent[]>;
}
