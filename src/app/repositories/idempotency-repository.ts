/** The answer given to the first request with an Idempotency-Key, kept to answer retries. */
export interface StoredResponse {
  fingerprint: string;
  status_code: number;
  response: unknown;
}

export interface IdempotencyRepository {
  find(scope: string, key: string): Promise<StoredResponse | undefined>;
  /**
   * Takes the key for a request about to run, unless it is taken; answers whether this call took
   * it. On PostgreSQL a concurrent taker waits here until the first transaction ends.
   */
  claim(scope: string, key: string, fingerprint: string, now: string): Promise<boolean>;
  /** Records the answer of the request that took the key, in its transaction. */
  complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void>;
}
