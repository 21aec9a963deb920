/** JSON text columns: the same encoding on both databases. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  const value = JSON.parse(text) as T | null;
  return value ?? fallback;
}
