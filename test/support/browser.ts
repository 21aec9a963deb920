import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

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

/**
 * What reaches past the right edge of a screen `width` wide, tables aside (they scroll). Run in the
 * browser from a string, so the test files need no DOM types.
 */
export function elementsPastScreenEdge(page: Page, width = 375): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > ${width} && !element.closest('.table-scroll'))
    .map((element) => element.tagName + '.' + element.className)`);
}

/** Signs in on the dashboard's sign-in page and waits for the first page, the campaigns. */
export async function signInToDashboard(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
}

/** Today's row of a chart's figures table (opened by its toggle when the chart hides it). */
export async function readTodaysFigures(page: Page, table: string): Promise<string[]> {
  const figures = page.getByRole('table', { name: table });
  if (!(await figures.isVisible())) await page.getByText(`Figures of “${table}”`).first().click();
  const row = figures.getByRole('row').last();
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}
