import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser suites can run here. Without Chromium they skip with one line saying how
 * to enable them, except under CI=true, where .ci/run installs it and they must run.
 */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run installs it`);
  console.info('Dashboard browser tests skipped: apt-get install chromium to run them');
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}
