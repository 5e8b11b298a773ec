// Checks shared by the journeys: axe (WCAG 2.0/2.1 A and AA) on the page as it stands, failing on any
// serious or critical violation, and screenshots at a phone width and a desktop width.

import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(serious, `axe on ${label} (${page.url()})`).toEqual([]);
}

// Numbered per spec file, so a file's screenshots keep their names whichever files run with it.
const shots = new Map<string, number>();

/** Saves the page at 360 px and 1280 px wide to e2e/artifacts/NN-label-WIDTH.png. */
export async function screenshots(page: Page, label: string): Promise<void> {
  const file = test.info().file;
  const shot = (shots.get(file) ?? 0) + 1;
  shots.set(file, shot);
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    const name = `${String(shot).padStart(2, '0')}-${label}-${width}.png`;
    await page.screenshot({ path: fileURLToPath(new URL(name, ARTIFACTS)), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Both checks for a page the journey has reached. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await expectNoSeriousViolations(page, label);
  await screenshots(page, label);
}
