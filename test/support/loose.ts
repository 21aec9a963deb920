/**
 * The SDK's typings describe answers as unions that do not fit what tests read (a customer or an
 * "unconfirmed" customer, ...). Tests read answers as plain JSON through this.
 */
// biome-ignore lint/suspicious/noExplicitAny: answers are read as untyped JSON in tests.
export type Loose = { [key: string]: any };

export function loose(value: unknown): Loose {
  return value as Loose;
}
