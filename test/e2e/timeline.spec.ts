/**
 * The replay timeline, the run history and the learning-rate finder in a real browser: scrubbing
 * back shows an earlier epoch and "Back to live" returns; "Continue from here" trains on exactly as
 * the original run did (weights, trainer state and every history point equal); runs are kept
 * across reloads; picked runs overlay with what differs; the finder's "Use" sets the rate and
 * leaves the run as it was; axe finds nothing with these views open.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exactState, exposeStore, openHistory, PlaygroundPage, SPIRAL_ADAM_LINK, stepTo } from './pages.ts';

const LINK = SPIRAL_ADAM_LINK;

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

const heatmapPixels = (page: Page) => page.getByTestId('heatmap').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

test('the timeline scrubs back to an epoch and Back to live returns', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 60, 60);
  const live = await heatmapPixels(page);
  const slider = page.getByLabel('Timeline', { exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-status')).toContainText('Viewing epoch 0 · Back to live');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-status')).toContainText('Viewing epoch 10');
  // One line in each chart (loss, accuracy); a vertical line has no width, so it is counted, not 'visible'.
  await expect(page.getByTestId('chart-marker')).toHaveCount(2);
  await expect.poll(() => heatmapPixels(page)).not.toBe(live);
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByTestId('timeline-status')).toHaveText('Live');
  await expect(page.getByTestId('chart-marker')).toHaveCount(0);
  await expect.poll(() => heatmapPixels(page)).toBe(live);
  await expect(app.epoch).toHaveText('000,060');
});

test('Continue from here trains on exactly as the original run did', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 300, 300);
  const original = await exactState(page);
  const slider = page.getByLabel('Timeline', { exact: true });
  await slider.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  const status = page.getByTestId('timeline-status');
  await expect(status).toContainText('Viewing epoch');
  const from = Number(/Viewing epoch (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  expect(from).toBeGreaterThan(50);
  expect(from).toBeLessThan(300);
  await page.getByRole('button', { name: 'Continue from here' }).click();
  await expect(status).toHaveText('Live');
  await expect
    .poll(async () => await page.evaluate(() => window.__playground!.getState().history.at(-1)?.epoch))
    .toBe(from);
  await stepTo(page, 300 - from, 300);
  const branched = await exactState(page);
  expect(branched.params).toEqual(original.params);
  expect(branched.trainer).toEqual(original.trainer);
  expect(branched.history).toEqual(original.history);
});

test('runs are kept across reloads; rename, overlay and clear', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 20, 20);
  await page.evaluate(() => window.__playground!.getState().reset());
  await page.evaluate(() => window.__playground!.getState().setConfig({ learningRate: 0.3 }));
  await stepTo(page, 30, 30);
  await openHistory(page);
  const items = page.getByTestId('history-item');
  await expect(items).toHaveCount(2);
  await page.reload();
  await app.open();
  await openHistory(page);
  await expect(items).toHaveCount(2);
  // Newest first.
  await expect(items.nth(0)).toContainText('epoch 30');
  await expect(items.nth(1)).toContainText('epoch 20');
  await items.nth(1).getByRole('button', { name: 'Rename' }).click();
  await items.nth(1).getByLabel('New name').fill('Slow one');
  await items.nth(1).getByRole('button', { name: 'Save' }).click();
  await expect(items.nth(1)).toContainText('Slow one');
  await page.reload();
  await app.open();
  await openHistory(page);
  await expect(items.nth(1)).toContainText('Slow one');
  // Overlay: the two test-loss curves, named by what differs.
  for (const i of [0, 1]) await items.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Overlay/ }).click();
  const overlay = page.getByTestId('overlay-chart');
  await expect(overlay).toBeVisible();
  await expect(page.getByTestId('overlay-differs')).toHaveText('They differ in: learning rate.');
  await expect(overlay.locator('.recharts-line')).toHaveCount(2);
  await expect(overlay.locator('.recharts-legend-item-text')).toHaveText(['Learning rate 0.3', 'Slow one']);
  // Clear asks first.
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('button', { name: 'Yes, clear history' }).click();
  await expect(items).toHaveCount(0);
  await page.reload();
  await app.open();
  await openHistory(page);
  await expect(items).toHaveCount(0);
});

test("the learning-rate finder's Use sets the rate and leaves the run untouched", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 15, 15);
  const before = await exactState(page);
  await page.locator('[data-control="lr-finder"]').click();
  const finder = page.getByRole('region', { name: 'Find a learning rate' });
  await expect(finder).toBeVisible();
  const use = finder.getByRole('button', { name: /^Use / });
  await expect(use).toBeVisible({ timeout: 20_000 });
  await expect(finder.locator('.recharts-line')).toHaveCount(1);
  const rate = Number(((await use.textContent()) ?? '').replace('Use ', ''));
  expect([0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]).toContain(rate);
  const after = await exactState(page);
  expect(after.params).toEqual(before.params);
  expect(after.trainer).toEqual(before.trainer);
  await use.click();
  await expect(finder).toHaveCount(0);
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue(String(rate));
  expect(await page.evaluate(() => window.__playground!.getState().config.learningRate)).toBe(rate);
});

test('axe finds no violations with the timeline, the history overlay and the finder open', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 20, 20);
  await page.evaluate(() => window.__playground!.getState().reset());
  await stepTo(page, 12, 12);
  const slider = page.getByLabel('Timeline', { exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-status')).toContainText('Viewing epoch 0');
  await openHistory(page);
  const items = page.getByTestId('history-item');
  await expect(items).toHaveCount(2);
  for (const i of [0, 1]) await items.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Overlay/ }).click();
  await expect(page.getByTestId('overlay-chart')).toBeVisible();
  await page.locator('[data-control="lr-finder"]').click();
  await expect(page.getByRole('button', { name: /^Use / })).toBeVisible({ timeout: 20_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
});
