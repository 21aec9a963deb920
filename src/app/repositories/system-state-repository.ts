/** Small facts about the installation itself, such as whether the first start has happened. */
export interface SystemStateRepository {
  get(key: string): Promise<string | undefined>;
  /** Records `key` unless it exists; answers whether this call was the one that recorded it. */
  claim(key: string, value: string, now: string): Promise<boolean>;
}
