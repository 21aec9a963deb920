/** The answer given to the first request with an Idempotency-Key, kept to answer retries. */
export interface StoredResponse {
  fingerprint: string;
  status_code: number;
  response: unknown;
}

export interface IdempotencyRepository {
  find(scope: string, key: string): Promise<StoredResponse | undefined>;
  /** Records the answer unless the key is taken; answers whether this call recorded it. */
  save(scope: string, key: string, stored: StoredResponse, now: string): Promise<boolean>;
}
