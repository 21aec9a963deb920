import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = join(ROOT, 'web/dashboard');

/** A digest of the dashboard's sources (every file under web/dashboard but its build output). */
function sourcesDigest(): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  visit(SOURCES);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The dashboard as its sources say now, built once per version of them into a directory of its
 * own: a test never drives a stale build, browser suites running at once never write the same
 * files, and the suites of one run share one build. Two suites building the same version at once
 * each build into a temporary directory; the first to move its build in place wins.
 */
export function buildDashboardForTest(): string {
  const target = join(tmpdir(), `vouch-dashboard-${sourcesDigest()}`);
  if (existsSync(join(target, 'index.html'))) return target;
  const outDir = mkdtempSync(join(tmpdir(), 'vouch-dashboard-build-'));
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
  try {
    renameSync(outDir, target);
  } catch {
    rmSync(outDir, { recursive: true, force: true });
  }
  return target;
}
