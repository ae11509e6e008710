import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Opens the app in a language (the same setting the header's RU/EN switch writes). */
export async function openIn(page: Page, language: Language, hash = '#/'): Promise<void> {
  await page.goto('/');
  await page.evaluate((locale) => localStorage.setItem('prokontakt.locale', locale), language);
  await page.goto(`/${hash}`);
  await page.reload();
}

/**
 * Elements matching `selector` whose text does not fit: wider than their box (scrollWidth >
 * clientWidth), i.e. cut off or ellipsized. Named by their text, so a failure says what was cut.
 */
export async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => element.scrollWidth > element.clientWidth + 0.5)
      .map(
        (element) =>
          `${element.className}: "${element.textContent ?? ''}" (${element.scrollWidth} > ${element.clientWidth})`,
      ),
  );
}

/** axe-core against WCAG 2.1 A and AA: the serious and critical violations, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    );
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
