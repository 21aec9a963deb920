import { Type } from 'typebox';

const MAX_SEARCH_LENGTH = 200;

/**
 * `search`, a Vouch extension to Voucherify's list routes (the SDK never sends it): a case-insensitive
 * "contains" over the fields named. Longer than MAX_SEARCH_LENGTH is refused with a 400.
 */
export function SearchQueryField(fields: string) {
  return Type.Optional(
    Type.String({
      maxLength: MAX_SEARCH_LENGTH,
      description:
        `Vouch extension, not in Voucherify: only the items with this text in their ${fields}, ` +
        'whatever the case (% and _ are literal). Combines with the other filters; empty means no search.',
    }),
  );
}

/** The search to run: trimmed, and none at all when nothing but spaces was sent. */
export function toSearchText(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  return text === undefined || text === '' ? undefined : text;
}
