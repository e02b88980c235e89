import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__PLAYGROUND_TEST__ = true;
  });
});

const epochs = (page: Page) => page.evaluate(() => window.__compare!.epochs());
const histories = (page: Page) =>
  page.evaluate(() => ({
    A: window.__compare!.slot('A')!.history,
    B: window.__compare!.slot('B')!.history,
  }));
/** Step both runs `n` epochs (Step acts on both) and wait until both are there. */
async function stepBoth(page: Page, n: number) {
  const at = (await epochs(page))!.A;
  await page.evaluate((k) => window.__playground!.getState().step(k), n);
  await expect.poll(() => epochs(page), { timeout: 30_000 }).toEqual({ A: at + n, B: at + n });
  await expect.poll(() => page.evaluate(() => window.__compare!.slot('B')!.snapshot?.status)).toBe('paused');
}

async function openCompare(page: Page) {
  await page.locator('[data-control="compare"]').click();
  await expect(page.getByRole('region', { name: 'Compare A and B' })).toBeVisible();
  await expect(page.getByTestId('editing-marker')).toHaveText('Editing A');
}

test('Compare opens two runs; B edited; lockstep keeps both at the same epoch', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await openCompare(page);
  await expect(page.getByTestId('compare-diff')).toHaveText(/^B: the same settings as A/);
  await page.keyboard.press('b');
  await expect(page.getByTestId('editing-marker')).toHaveText('Editing B');
  await app.select('Learning rate', '0.3');
  await app.select('Optimizer', 'Adam');
  await expect(page.getByTestId('compare-diff')).toHaveText(
    'B: learning rate 0.3 instead of 0.03; Adam instead of SGD.',
  );
  // Run A kept its settings.
  expect(await page.evaluate(() => window.__compare!.slot('A')!.config.learningRate)).toBe(0.03);
  await page.keyboard.press('a');
  await expect(page.getByTestId('editing-marker')).toHaveText('Editing A');
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.03');

  await app.setSpeed('Max');
  await app.playButton.click();
  await expect.poll(async () => (await epochs(page))!.A, { timeout: 30_000 }).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Pause stops both at the lockstep limit: each worker's last snapshot says paused, at one epoch.
  for (const slot of ['A', 'B'] as const)
    await expect.poll(() => page.evaluate((s) => window.__compare!.slot(s)!.snapshot?.status, slot)).toBe('paused');
  const e = (await epochs(page))!;
  expect(e.A).toBe(e.B);
  await expect(page.getByTestId('compare-epoch-A')).toHaveText(
    (await page.getByTestId('compare-epoch-B').textContent())!,
  );
  await stepBoth(page, 5);
  // Reset starts both again at epoch 0.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => epochs(page)).toEqual({ A: 0, B: 0 });
  expect(consoleProblems).toEqual([]);
});

test('a comparison link reproduces both curves exactly, and Keep B leaves with run B', async ({
  page,
  context,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open('#dataset=xor');
  await openCompare(page);
  await page.keyboard.press('b');
  await app.select('Learning rate', '0.3');
  await stepBoth(page, 40);
  const first = await histories(page);
  expect(first.A.length).toBeGreaterThan(20);
  expect(first.A).not.toEqual(first.B);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('&compare=');
  const hash = await page.evaluate(() => window.location.hash);

  const other = await context.newPage();
  await other.addInitScript(() => {
    window.__PLAYGROUND_TEST__ = true;
  });
  const problems: string[] = [];
  other.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
  await other.goto(`/${hash}`);
  await expect(other.getByRole('region', { name: 'Compare A and B' })).toBeVisible();
  await expect(other.getByTestId('editing-marker')).toHaveText('Editing B');
  await expect(other.getByTestId('compare-diff')).toHaveText('B: learning rate 0.3 instead of 0.03.');
  await expect.poll(() => other.evaluate(() => window.__compare!.slot('B')!.runInfo !== null)).toBe(true);
  await stepBoth(other, 40);
  const again = await histories(other);
  expect(again.A).toEqual(first.A);
  expect(again.B).toEqual(first.B);
  expect(problems).toEqual([]);
  await other.close();

  // Keep B: the comparison closes; run B is the page's run, at its epoch, and trains on.
  await page.locator('[data-control="keep-b"]').click();
  await expect(page.getByRole('region', { name: 'Compare A and B' })).toHaveCount(0);
  await expect(page.locator('[data-control="compare"]')).toHaveAttribute('aria-pressed', 'false');
  const s = await page.evaluate(() => window.__playground!.getState());
  expect(s.config.learningRate).toBe(0.3);
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().run.epoch)).toBe(40);
  await app.button('Step').click();
  await expect.poll(() => app.epochNumber()).toBe(41);
  // The link is rewritten a moment after a change (debounced): it loses the comparison.
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('compare=');
  expect(consoleProblems).toEqual([]);
});

test('Keep A leaves with run A; the comparison has no axe violations', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await openCompare(page);
  await page.keyboard.press('b');
  await app.select('Learning rate', '0.1');
  await stepBoth(page, 10);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.locator('[data-control="keep-a"]').click();
  await expect(page.getByRole('region', { name: 'Compare A and B' })).toHaveCount(0);
  expect(await page.evaluate(() => window.__playground!.getState().config.learningRate)).toBe(0.03);
  await app.button('Step').click();
  await expect.poll(() => app.epochNumber()).toBe(11);
  expect(consoleProblems).toEqual([]);
});
