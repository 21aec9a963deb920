/**
 * The form a code is compared in. In a project whose codes are case-insensitive, `SUMMER10` and
 * `summer10` are one code: both are stored and looked up lower-cased.
 */
export function codeKey(code: string, caseSensitive: boolean): string {
  return caseSensitive ? code : code.toLowerCase();
}
