/** The gradient check, Break backprop, gradient flow and the space a layer sees, in a real browser. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

/** Open Under the hood on the gradient check or the space, from the Training panel's buttons. */
async function openHood(page: Page, tab: 'Gradient check' | 'Space'): Promise<void> {
  const hood = page.getByRole('region', { name: 'Under the hood' });
  if (!(await hood.isVisible()))
    await page.locator(tab === 'Space' ? '[data-control="layer-space"]' : '[data-control="gradient-check"]').click();
  await hood.getByRole('tab', { name: tab }).click();
}

const maxError = async (page: Page) => Number(await page.getByTestId('gradcheck-max').textContent());

test('the gradient check agrees below 1e-6, a break shows above 1e-2 with the banner, Fix it mends it', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.button('Step').click();
  await expect(app.epoch).toHaveText('000,001');
  await openHood(page, 'Gradient check');
  await page.getByRole('button', { name: 'Check gradients' }).click();
  await expect(page.getByTestId('gradcheck-verdict')).toHaveText(
    /^Backprop agrees with the numerical gradient to 1e-\d+\.$/,
  );
  expect(await maxError(page)).toBeLessThan(1e-6);
  await expect(page.locator('.gradcheck-chart svg').first()).toBeVisible();
  await expect(page.locator('.gradcheck-chart .recharts-scatter-symbol').first()).toBeVisible();

  for (const kind of ['no-derivative', 'no-average', 'flip-sign', 'no-bias']) {
    await page.getByLabel('Break backprop').selectOption(kind);
    await expect(page.getByRole('alert').filter({ hasText: 'Backprop is broken on purpose' })).toBeVisible();
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await expect(page.getByTestId('gradcheck-verdict')).toHaveText(/disagrees/);
    expect(await maxError(page), kind).toBeGreaterThan(1e-2);
  }
  // The layer table names where it is wrong.
  await expect(page.locator('.gradcheck-layers tr.is-bad').first()).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.getByRole('button', { name: 'Fix it' }).click();
  await expect(page.getByText('Backprop is broken on purpose')).toHaveCount(0);
  await expect(page.getByLabel('Break backprop')).toHaveValue('none');
  await page.getByRole('button', { name: 'Check gradients' }).click();
  await expect(page.getByTestId('gradcheck-verdict')).toHaveText(/agrees/);
  expect(await maxError(page)).toBeLessThan(1e-6);
  expect(consoleProblems).toEqual([]);
});

test('with the sign flipped, training goes the wrong way; a break stays on across Reset until Fix it', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await openHood(page, 'Gradient check');
  await page.getByLabel('Break backprop').selectOption('flip-sign');
  const start = await app.testLossNumber();
  await app.playUntil(40);
  expect(await app.testLossNumber()).toBeGreaterThan(start);
  await app.button('Reset').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Backprop is broken on purpose' })).toBeVisible();
  await page.getByRole('button', { name: 'Check gradients' }).click();
  await expect(page.getByTestId('gradcheck-verdict')).toHaveText(/disagrees/);
  await page.getByRole('button', { name: 'Fix it' }).click();
  const fixedStart = await app.testLossNumber();
  await app.playUntil(40);
  expect(await app.testLossNumber()).toBeLessThan(fixedStart);
});

test('gradient flow: one small chart per layer, updating while training', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByLabel('Gradient flow').check();
  await app.playButton.click();
  const charts = page.getByTestId('gradflow-chart');
  await expect(charts).toHaveCount(3); // the default 2-4-2-1: two hidden layers and the output
  const path = charts.first().locator('path');
  await expect.poll(async () => ((await path.getAttribute('d')) ?? '').length).toBeGreaterThan(20);
  const first = await path.getAttribute('d');
  await expect.poll(async () => await path.getAttribute('d'), { timeout: 10_000 }).not.toBe(first);
  await app.playButton.click();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

test('the space a layer sees renders and follows training', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await openHood(page, 'Space');
  const canvas = page.getByTestId('space-canvas');
  await expect(canvas).toBeVisible();
  // The picture as a PNG data URL (no getImageData readbacks), and a blank canvas's of the same size.
  const pixels = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const blank = await canvas.evaluate((c: HTMLCanvasElement) => {
    const b = document.createElement('canvas');
    b.width = c.width;
    b.height = c.height;
    return b.toDataURL();
  });
  await expect.poll(pixels).not.toBe(blank);
  const before = await pixels();
  await app.playUntil(30);
  await expect.poll(pixels).not.toBe(before);
  await page.getByLabel('Layer', { exact: true }).selectOption({ index: 1 });
  await expect(page.getByText("Behind: what the output says for these two units' values.")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});
