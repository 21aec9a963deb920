import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The dashboard as its sources say now, built into a directory of the calling test's own: a test
 * never drives a stale build, and browser suites running at once never write the same files.
 */
export function buildDashboardForTest(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'vouch-dashboard-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/dashboard/vite.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return outDir;
}
