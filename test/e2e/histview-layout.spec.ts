/**
 * Compare, History and the timeline at the sizes a class uses: Compare at 1280×800 (light and
 * projector), at 1920×1080 in the projector theme, at 1024×768 and on a phone (A above B); the
 * charts' legends stay inside their charts, item by item. History and the timeline
 * at 1024×768 and on a phone. Nothing sticks out of the page sideways; screenshots go to RESULTS
 * (histview-*.png) to look at; axe finds nothing with Compare or History open, light and projector.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, openHistory, PlaygroundPage, RESULTS, SPIRAL_ADAM_LINK, stepTo } from './pages.ts';

test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(page: Page) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(over).toBeLessThanOrEqual(1);
}

/** Every legend item inside its legend's box, none over another, and no label broken over lines. */
async function legendsFit(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const ul of document.querySelectorAll('.chart-legend')) {
      const box = ul.getBoundingClientRect();
      const items = [...ul.querySelectorAll('li')].map((li) => ({
        text: li.textContent,
        r: li.getBoundingClientRect(),
      }));
      for (const { text, r } of items) {
        if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${text} sticks out`);
        if (r.height > 2 * parseFloat(getComputedStyle(ul).fontSize)) out.push(`${text} wraps`);
      }
      items.forEach((a, i) =>
        items.slice(i + 1).forEach((b) => {
          const overlap =
            a.r.left < b.r.right - 1 &&
            b.r.left < a.r.right - 1 &&
            a.r.top < b.r.bottom - 1 &&
            b.r.top < a.r.bottom - 1;
          if (overlap) out.push(`${a.text} over ${b.text}`);
        }),
      );
    }
    return out;
  });
  expect(problems).toEqual([]);
}

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openCompareStepped(page: Page, theme: 'light' | 'projector') {
  const app = new PlaygroundPage(page);
  await app.open(`${SPIRAL_ADAM_LINK}&theme=${theme}`);
  const compare = page.locator('[data-control="compare"]');
  await app.withMore(compare, () => compare.click());
  await expect(page.getByRole('region', { name: 'Compare A and B' })).toBeVisible();
  await page.keyboard.press('b');
  await app.select('Learning rate', '0.1');
  await page.evaluate(() => window.__playground!.getState().step(40));
  await expect
    .poll(() => page.evaluate(() => window.__compare!.epochs()), { timeout: 30_000 })
    .toEqual({ A: 40, B: 40 });
}

for (const c of [
  { name: 'compare-1280-light', size: { width: 1280, height: 800 }, theme: 'light' as const },
  { name: 'compare-1280-projector', size: { width: 1280, height: 800 }, theme: 'projector' as const },
  { name: 'compare-1920-projector', size: { width: 1920, height: 1080 }, theme: 'projector' as const },
  { name: 'compare-1024-light', size: { width: 1024, height: 768 }, theme: 'light' as const },
  { name: 'compare-phone-light', size: PHONE, theme: 'light' as const },
]) {
  test(`Compare at ${c.name}`, async ({ page, consoleProblems }) => {
    await page.setViewportSize(c.size);
    await openCompareStepped(page, c.theme);
    const a = page.locator('.compare-run[data-run="A"]');
    const b = page.locator('.compare-run[data-run="B"]');
    await page.screenshot({ path: `${RESULTS}/histview-${c.name}.png`, fullPage: true });
    const [ba, bb] = [await a.boundingBox(), await b.boundingBox()];
    // Side by side where the board is wide (1280 and more); A above B in a narrow column or on a phone.
    if (c.size.width < 1280) expect(bb!.y).toBeGreaterThanOrEqual(ba!.y + ba!.height - 1);
    else expect(Math.abs(bb!.y - ba!.y)).toBeLessThan(2);
    await noSidewaysScroll(page);
    await legendsFit(page);
    if (c.name === 'compare-1280-light' || c.name === 'compare-1920-projector') expect(await axe(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
}

for (const c of [
  { name: '1024-light', size: { width: 1024, height: 768 }, theme: 'light' },
  { name: 'phone-light', size: PHONE, theme: 'light' },
  { name: '1280-projector', size: { width: 1280, height: 800 }, theme: 'projector' },
]) {
  test(`History and the timeline at ${c.name}`, async ({ page, consoleProblems }) => {
    await page.setViewportSize(c.size);
    const app = new PlaygroundPage(page);
    await app.open(`${SPIRAL_ADAM_LINK}&theme=${c.theme}`);
    await stepTo(page, 30, 30);
    const slider = page.getByLabel('Timeline', { exact: true });
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('timeline-status')).toContainText('Viewing epoch 1');
    await noSidewaysScroll(page);
    await page.locator('.chart-panel').screenshot({ path: `${RESULTS}/histview-timeline-${c.name}.png` });
    await page.getByRole('button', { name: 'Back to live' }).click();
    await page.evaluate(() => window.__playground!.getState().setConfig({ learningRate: 0.1 }));
    await stepTo(page, 15, 45);
    if (!(await page.locator('[data-control="history"]').isVisible()))
      await page.getByRole('button', { name: 'More tools' }).click();
    const items = await openHistory(page);
    await expect(items.first()).toBeVisible();
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${RESULTS}/histview-history-${c.name}.png` });
    if (c.name !== 'phone-light') expect(await axe(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
}
