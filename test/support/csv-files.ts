import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;
let count = 0;

/**
 * Writes a CSV for an SDK `importCSV` call (which takes a file path) into this test process's own
 * temporary folder, removed when the process exits.
 */
export function writeTempCsv(name: string, content: string): string {
  if (!dir) {
    const created = mkdtempSync(join(tmpdir(), 'vouch-csv-'));
    dir = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  count += 1;
  const file = join(dir, `${name}-${count}.csv`);
  writeFileSync(file, content);
  return file;
}
