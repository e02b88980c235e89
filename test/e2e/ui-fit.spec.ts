/**
 * The page fits its window: at 1024×768 (a common projector) and up, the data, the network and the
 * output plane are on screen together; on a phone the menus and panels stay usable; the confusion
 * matrix, embeds and thumbnails keep their shape. Boxes are read from a real browser.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  expect(b, 'element is rendered').not.toBeNull();
  return b!;
}

/** Whole box inside the window (1 px slack for rounding). */
async function expectOnScreen(page: Page, l: Locator, what: string): Promise<void> {
  const b = await box(l);
  const { width, height } = page.viewportSize()!;
  const where = `${what} at ${JSON.stringify(b)} in ${width}×${height}`;
  expect(b.x, where).toBeGreaterThanOrEqual(-1);
  expect(b.y, where).toBeGreaterThanOrEqual(-1);
  expect(b.x + b.width, where).toBeLessThanOrEqual(width + 1);
  expect(b.y + b.height, where).toBeLessThanOrEqual(height + 1);
}

/** One row: every direct child of the top bar shares a line with the Play button. */
async function expectTopBarOneRow(page: Page): Promise<void> {
  const rows = await page.evaluate(() => {
    const bar = document.querySelector('.topbar')!;
    const play = document.querySelector('.play')!.getBoundingClientRect();
    return [...bar.children].map((c) => {
      const r = c.getBoundingClientRect();
      return { cls: c.className, overlap: r.top < play.bottom && r.bottom > play.top };
    });
  });
  for (const r of rows) expect(r.overlap, `${r.cls} is on the Play button's row`).toBe(true);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const panel = (page: Page, name: string) => page.locator('section.panel', { has: heading(page, name) });

for (const theme of ['Light', 'Dark', 'Projector'] as const) {
  test(`1024×768 ${theme}: data, network and output plane on screen together; top bar one row`, async ({
    page,
    consoleProblems,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const app = new PlaygroundPage(page);
    await app.open();
    await app.setTheme(theme);
    await page.waitForTimeout(200);
    // The data a learner picks and shapes: the dataset picker and the first data slider. (The Data
    // panel goes on below them with help lines and the Advanced settings, which may need a scroll.)
    await expectOnScreen(page, page.getByRole('radiogroup', { name: 'Dataset' }), 'dataset picker');
    await expectOnScreen(page, page.getByRole('slider', { name: 'Noise' }), 'Noise slider');
    await expectOnScreen(page, app.diagram, 'network diagram');
    await expectOnScreen(page, page.getByTestId('heatmap'), 'output plane');
    await expectTopBarOneRow(page);
    expect(consoleProblems).toEqual([]);
  });
}

test('1440×900: the Features panel sits beside the network inputs, the page has no tall gaps', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new PlaygroundPage(page);
  await app.open();
  const features = await box(panel(page, 'Features'));
  const diagram = await box(app.diagram);
  // Features ends up next to (left of) the diagram's inputs and starts no lower than the diagram's bottom.
  expect(features.x + features.width).toBeLessThanOrEqual(diagram.x + 1);
  expect(features.y).toBeLessThan(diagram.y + diagram.height);
  await expectOnScreen(page, panel(page, 'Data'), 'Data panel');
  await expectOnScreen(page, page.getByTestId('heatmap'), 'output plane');
});

test('phone 390×844: Draw data menu on screen, compact top bar, data before the charts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new PlaygroundPage(page);
  await app.open();
  const bar = await box(page.locator('.topbar'));
  expect(bar.height).toBeLessThan(844 * 0.15);
  // Scrolled down, the bar does not keep covering the page.
  await page.evaluate(() => window.scrollTo(0, 600));
  const barTop = (await page.locator('.topbar').boundingBox())!;
  expect(barTop.y + barTop.height).toBeLessThanOrEqual(844 * 0.15);
  await page.evaluate(() => window.scrollTo(0, 0));

  await page.locator('.draw-menu > summary').click();
  const options = page.locator('.draw-items label');
  expect(await options.count()).toBeGreaterThanOrEqual(3);
  for (const o of await options.all()) await expectOnScreen(page, o, `Draw data option "${await o.textContent()}"`);

  const order = await page.evaluate(() =>
    ['data-panel', 'network-panel', 'output-panel', 'chart-panel'].map(
      (c) => document.querySelector(`.${c}`)!.getBoundingClientRect().top,
    ),
  );
  expect(order, 'Data, Network, Output, Training from top to bottom').toEqual([...order].sort((a, b) => a - b));
});

for (const width of [1280, 1920]) {
  test(`6-class confusion matrix shows its last column at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const app = new PlaygroundPage(page);
    await app.open('#v=1&dataset=blobs&problem=multiclass&classes=6');
    await app.button('Step').click();
    const matrix = page.locator('.confusion');
    const last = matrix.locator('thead th').last();
    await expect(last).toContainText('6');
    const m = await box(matrix);
    const cell = await box(matrix.locator('tbody tr').last().locator('td').last());
    // The last cell lies inside the visible part of the matrix (no sideways scroll needed) and on the page.
    expect(cell.x + cell.width).toBeLessThanOrEqual(m.x + m.width + 1);
    expect(await matrix.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(cell.x + cell.width).toBeLessThanOrEqual(width);
  });
}

test('embed views=output,loss: only those views, filling the width, no Draw data', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new PlaygroundPage(page);
  await app.open('#v=1&dataset=circle&views=output,loss&embed=1');
  await expect(page.locator('.draw-menu')).toHaveCount(0);
  await expect(heading(page, 'Data')).toHaveCount(0);
  await expect(heading(page, 'Network')).toHaveCount(0);
  const out = await box(panel(page, 'Output'));
  const chart = await box(panel(page, 'Training'));
  const main = await box(page.locator('main.layout'));
  // No empty column: the two views together span the page's width (less its padding).
  const left = Math.min(out.x, chart.x);
  const right = Math.max(out.x + out.width, chart.x + chart.width);
  expect(left - main.x).toBeLessThan(30);
  expect(main.x + main.width - right).toBeLessThan(30);
  await expectOnScreen(page, page.getByTestId('heatmap'), 'output plane');
});

test('dark theme: dataset thumbnails are drawn on a dark background, not white', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.setTheme('Dark');
  await page.waitForTimeout(200);
  // The top-left corner pixel of the Circle thumbnail is background (the circle's points lie inside).
  const corner = await page
    .locator('.dataset', { hasText: 'Circle' })
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(1, 1, 1, 1).data));
  const [r, g, b] = corner as [number, number, number];
  expect(r + g + b, `corner pixel rgb(${r}, ${g}, ${b})`).toBeLessThan(3 * 100);
  await app.setTheme('Light');
  await page.waitForTimeout(200);
  const light = await page
    .locator('.dataset', { hasText: 'Circle' })
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(1, 1, 1, 1).data));
  expect(light[0]! + light[1]! + light[2]!).toBeGreaterThan(3 * 200);
});
