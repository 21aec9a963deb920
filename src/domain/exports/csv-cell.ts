/**
 * A cell a spreadsheet shows as text, never runs: text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is a formula to Excel and its kin (OWASP's CSV injection), and exported text comes
 * from anyone who can name a customer or write metadata. A leading `'` disarms it; numbers, negative
 * amounts included, stay as they are.
 */
export function neutralizeFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell) || /^-?\d+(\.\d+)?$/.test(cell)) return cell;
  return `'${cell}`;
}
