/**
 * The views in a real browser: a hovered unit shown large on the output plane, the value under the
 * pointer, one message per load that takes one notice's height, and the exported PNG's axes,
 * legend and caption (decoded and its pixels read). Screenshots at 1280×800 and 390×844.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BOUNDARY_LAYOUT } from '../../src/ui/share/download.ts';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage, RESULTS, resultFile, storeState } from './pages.ts';

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

/** The heatmap canvas's size and a checksum of its pixels. */
async function heatPixels(page: Page): Promise<{ w: number; sum: number }> {
  return page.getByTestId('heatmap').evaluate((c: HTMLCanvasElement) => {
    // A copy read back (the page's own canvas is not made for repeated readbacks).
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum = (sum * 31 + d[i]!) % 1_000_003;
    return { w: c.width, sum };
  });
}

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test('hovering a hidden unit shows its picture on the output plane; leaving restores the output', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open('#v=1&dataset=xor&hidden=4,2');
  await p.playUntil(20);
  const output = await heatPixels(page);
  const unit = page.getByRole('button', { name: 'Unit 2 of layer 1: edit bias' });
  await unit.hover();
  await expect(page.getByTestId('plane-caption')).toHaveText('Showing unit 2 of layer 1');
  await expect.poll(async () => (await heatPixels(page)).sum).not.toBe(output.sum);
  // A hidden unit's picture is drawn at its own grid's resolution (smaller than the output's).
  const info = await page.evaluate(() => window.__playground!.getState().runInfo!.hiddenGridResolution);
  expect((await heatPixels(page)).w).toBe(info);
  await page.getByRole('img', { name: /Decision boundary/ }).hover({ position: { x: 200, y: 40 } });
  await expect(page.getByTestId('plane-caption')).toBeHidden();
  await expect.poll(async () => (await heatPixels(page)).sum).toBe(output.sum);
  expect(consoleProblems).toEqual([]);
});

test('the value under the pointer, and by keyboard', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open('#v=1&dataset=circle');
  await p.button('Step').click();
  const plane = page.getByRole('img', { name: /Decision boundary/ });
  const box = (await plane.boundingBox())!;
  // x = 1.2 is (1.2 + 6) / 12 of the width; y = −0.4 is (6 + 0.4) / 12 down.
  await page.mouse.move(box.x + (box.width * 7.2) / 12, box.y + (box.height * 6.4) / 12);
  const readout = page.getByTestId('plane-readout');
  await expect(readout).toHaveText(/^x 1\.\d\d, y −0\.\d\d → −?\d\.\d\d$/);
  await page.mouse.move(box.x - 40, box.y - 40);
  await expect(readout).toBeHidden();
  await plane.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(readout).toHaveText(/^x −0\.50, y 0\.00 → /);
  expect(consoleProblems).toEqual([]);
});

test('a load’s notices are one message, one notice high, replaced by the next load', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open();
  const top = async () => (await page.locator('main.layout').boundingBox())!.y;
  const clean = await top();
  const bad = {
    format: 'nn-playground-experiment',
    version: 1,
    config: {
      trainPercent: 150,
      batchSize: 0.5,
      noise: 99,
      learningRate: 'fast',
      dataset: 'gauss',
      problem: 'regression',
      samples: 9,
      dropout: 7,
      momentum: 3,
    },
  };
  await p.importFile('experiment', resultFile('bad-settings.json', JSON.stringify(bad)));
  const notices = p.notices;
  await expect(notices).toContainText(/Opened bad-settings\.json · \d+ settings were changed/);
  await expect(notices).toContainText('Ratio of training data: 150 → 100');
  for (const id of ['trainPercent', 'batchSize', 'gauss']) await expect(notices).not.toContainText(id);
  const pushed = (await top()) - clean;
  const one = (await notices.getByRole('listitem').first().boundingBox())!.height;
  expect(pushed).toBeLessThanOrEqual(one + 24);
  expect(pushed).toBeLessThan(70);
  await page.screenshot({ path: `${RESULTS}/views-notice-desktop.png` });
  await notices.getByText('Details').click();
  await page.screenshot({ path: `${RESULTS}/views-notice-details-desktop.png` });

  const good = { format: 'nn-playground-experiment', version: 1, config: { dataset: 'xor' } };
  await p.importFile('experiment', resultFile('xor.json', JSON.stringify(good)));
  await expect.poll(async () => (await storeState(page)).notices).toEqual(['Opened xor.json']);
  await expect(notices).not.toContainText('Ratio of training data');
  expect(consoleProblems).toEqual([]);
});

for (const [kind, link] of [
  ['two classes', '#v=1&dataset=circle&hidden=4,2'],
  ['six classes', '#v=1&dataset=blobs&problem=multiclass&loss=softmaxCe&classes=6&hidden=6,4'],
] as const)
  test(`the exported PNG has axes, a legend and a caption line (${kind})`, async ({ page, consoleProblems }) => {
    const p = new PlaygroundPage(page);
    await p.open(link);
    await p.playUntil(10);
    const file = await p.download('Download PNG');
    const png = readFileSync(file);
    const L = BOUNDARY_LAYOUT;
    const width = L.left + L.plane + L.right;
    const height = L.top + L.plane + L.ticks + L.legend + L.caption;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
    // Decode in the page and count the dark (ink) and coloured pixels of each strip.
    const strips = await page.evaluate(
      async ({ data, L }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        const count = (x: number, y: number, w: number, h: number) => {
          const d = ctx.getImageData(x, y, w, h).data;
          let ink = 0;
          let colour = 0;
          for (let i = 0; i < d.length; i += 4) {
            const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
            if (r + g + b < 200) ink++;
            else if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
          }
          return { ink, colour };
        };
        const below = L.top + L.plane;
        return {
          yTicks: count(0, L.top, L.left - 6, L.plane),
          xTicks: count(L.left, below + 4, L.plane, L.ticks - 4),
          legend: count(L.left, below + L.ticks, L.plane, L.legend),
          caption: count(L.left, below + L.ticks + L.legend, L.plane, L.caption),
        };
      },
      { data: png.toString('base64'), L },
    );
    expect(strips.yTicks.ink).toBeGreaterThan(50);
    expect(strips.xTicks.ink).toBeGreaterThan(50);
    expect(strips.legend.colour).toBeGreaterThan(500);
    expect(strips.caption.ink).toBeGreaterThan(300);
    const s = await storeState(page);
    expect(s.epoch).toBeGreaterThanOrEqual(10);
    expect(consoleProblems).toEqual([]);
  });

for (const vp of VIEWPORTS)
  for (const theme of ['Light', 'Dark', 'Projector'] as const)
    test(`screenshots: hover and notices (${vp.name}, ${theme.toLowerCase()})`, async ({ page, consoleProblems }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const p = new PlaygroundPage(page);
      await p.open('#v=1&dataset=blobs&problem=multiclass&loss=softmaxCe&classes=6&hidden=6,4&lr=NaN&train=150');
      await p.setTheme(theme);
      await p.playUntil(30);
      await expect(p.notices).toContainText('Opened the link');
      const tag = `${vp.name}-${theme.toLowerCase()}`;
      await page.screenshot({ path: `${RESULTS}/views-notices-${tag}.png` });
      const unit = page.getByRole('button', { name: 'Unit 1 of layer 1: edit bias' });
      await unit.scrollIntoViewIfNeeded();
      await unit.hover();
      await expect(page.getByTestId('plane-caption')).toBeVisible();
      await page.getByTestId('plane-caption').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS}/views-hover-unit-${tag}.png` });
      const plane = page.getByRole('img', { name: /Decision boundary/ });
      await plane.hover({ position: { x: 60, y: 60 } });
      await expect(page.getByTestId('plane-readout')).toHaveText(/→ class \d \(\d+%\)/);
      await page.screenshot({ path: `${RESULTS}/views-readout-${tag}.png` });
      expect(consoleProblems).toEqual([]);
    });
