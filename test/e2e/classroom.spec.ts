/** Classroom in a real browser: Simple / Full, the ? help, axe, the welcome, stop conditions at max speed. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Controls Simple leaves out, by their label on the page. */
const FULL_ONLY = ['Noise', 'Ratio of training data', 'Batch size', 'Optimizer', 'Regularization', 'Problem type'];

test('Simple shows what a first lesson needs; Full shows everything; the choice is remembered', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open('#mode=simple');
  await expect(page.getByRole('radio', { name: 'Simple' })).toBeChecked();
  for (const label of ['Learning rate', 'Activation'])
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Dataset' })).toBeVisible();
  for (const f of ['x', 'y', 'x²', 'y²'])
    await expect(page.locator(`[data-control="${f.replace('²', '2')}"]`)).toBeVisible();
  for (const name of ['Play', 'Step', 'Reset', 'Add layer']) await expect(app.button(name)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Output' })).toBeVisible();
  for (const label of FULL_ONLY) await expect(page.getByLabel(label, { exact: true })).toBeHidden();
  for (const id of ['speed', 'stop', 'xy', 'sinX', 'confusion', 'advancedHyper', 'showTestData'])
    await expect(page.locator(`[data-control="${id}"]`).first()).toBeHidden();

  await page.getByRole('radio', { name: 'Full' }).check();
  for (const label of FULL_ONLY) await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  for (const id of ['speed', 'stop', 'xy', 'sinX', 'confusion', 'advancedHyper', 'showTestData'])
    await expect(page.locator(`[data-control="${id}"]`).first()).toBeVisible();

  // Remembered: a reload without a mode in the link stays in Full; Simple again, and it stays Simple.
  await page.getByRole('radio', { name: 'Simple' }).check();
  await app.open('#v=1');
  await expect(page.getByRole('radio', { name: 'Simple' })).toBeChecked();
  await expect(page.getByLabel('Noise', { exact: true })).toBeHidden();
  expect(consoleProblems).toEqual([]);
});

test('axe finds nothing in Simple mode, nor with a ? popover open; the popover works by keyboard', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open('#mode=simple');
  expect(await axe(page)).toEqual([]);
  const help = page.getByRole('button', { name: 'What is Learning rate?' });
  await help.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'About Learning rate' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('How big a step');
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(help).toBeFocused();
  expect(consoleProblems).toEqual([]);
});

test.describe('the welcome', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('greets a first visit once; never from a link or in embed mode', async ({ page, consoleProblems }) => {
    await page.goto('/#v=1&dataset=xor');
    await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
    await expect(page.getByRole('dialog', { name: 'Welcome' })).toHaveCount(0);
    await page.goto('/?e#embed=1');
    await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
    await expect(page.getByRole('dialog', { name: 'Welcome' })).toHaveCount(0);

    await page.goto('/');
    const welcome = page.getByRole('dialog', { name: 'Welcome' });
    await expect(welcome).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start the first lesson' })).toBeFocused();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Just explore' }).click();
    await expect(welcome).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
    await expect(page.getByRole('dialog', { name: 'Welcome' })).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });
});

test('Stop at epoch pauses exactly there at max speed, and says why', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open('#v=1&speed=max&stopEpoch=3000');
  await expect(page.locator('.stop-menu summary')).toHaveText('Stop: epoch 3000');
  await app.playButton.click();
  await expect(app.epoch).toHaveText('003,000', { timeout: 30_000 });
  await expect(app.playButton).toHaveText(/Play/);
  await expect(page.getByText('Paused at epoch 3000, as "Stop at epoch" asks.', { exact: false })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(app.epoch).toHaveText('003,000');
  expect(consoleProblems).toEqual([]);
});

test('Stop when test loss < pauses at the first evaluated epoch under it; set from the Stop menu', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open('#v=1&speed=max&features=x,y,x2,y2&hidden=');
  await page.locator('.stop-menu summary').click();
  const field = page.getByLabel('Stop when test loss <', { exact: true });
  await field.fill('0.05');
  await field.press('Enter');
  await expect(page.locator('.stop-menu summary')).toHaveText('Stop: loss < 0.05');
  await page.keyboard.press('Escape');
  await app.playButton.click();
  const notice = page.getByText(/Paused at epoch \d+: the test loss \([\d.]+\) fell below 0\.05/);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const text = (await notice.textContent()) ?? '';
  const epoch = Number(/epoch (\d+)/.exec(text)?.[1]);
  expect(epoch).toBeGreaterThan(0);
  await expect(app.epoch).toHaveText(
    String(epoch)
      .padStart(6, '0')
      .replace(/\B(?=(\d{3})+(?!\d))/g, ','),
  );
  expect(Number(await page.getByTestId('test-loss').textContent())).toBeLessThan(0.05);
  expect(consoleProblems).toEqual([]);
});
