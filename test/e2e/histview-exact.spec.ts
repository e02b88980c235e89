/**
 * A comparison reproduces both curves exactly: runs A and B trained side by side in lockstep give,
 * point for point, the history each config gives trained alone (a single run, no comparison), and
 * so does the comparison's link opened in another page.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage, stepTo } from './pages.ts';

test.describe.configure({ timeout: 120_000 });

const LINK = '#v=1&dataset=xor&dataSeed=2&samples=200&hidden=4,2&seed=9&batch=10&lr=0.03';

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

const slotHistory = (page: Page, slot: 'A' | 'B') => page.evaluate((s) => window.__compare!.slot(s)!.history, slot);

test('runs A and B of a comparison train exactly as each config does alone', async ({
  page,
  context,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await page.locator('[data-control="compare"]').click();
  await expect(page.getByRole('region', { name: 'Compare A and B' })).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('editing-marker')).toHaveText('Editing B');
  await app.select('Learning rate', '0.3');
  await page.evaluate(() => window.__playground!.getState().step(60));
  await expect
    .poll(() => page.evaluate(() => window.__compare!.epochs()), { timeout: 30_000 })
    .toEqual({ A: 60, B: 60 });
  await expect.poll(() => page.evaluate(() => window.__compare!.slot('A')!.snapshot?.status)).toBe('paused');
  await expect.poll(() => page.evaluate(() => window.__compare!.slot('B')!.snapshot?.status)).toBe('paused');
  const a = await slotHistory(page, 'A');
  const b = await slotHistory(page, 'B');
  expect(a).toHaveLength(61);
  expect(a).not.toEqual(b);

  // Each config alone, in a page of its own.
  for (const [link, expected] of [
    [LINK, a],
    [LINK.replace('lr=0.03', 'lr=0.3'), b],
  ] as const) {
    const alone = await context.newPage();
    await exposeStore(alone);
    const problems: string[] = [];
    alone.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
    await new PlaygroundPage(alone).open(link);
    await stepTo(alone, 60, 60);
    await expect(alone.getByTestId('run-status')).toContainText('paused, epoch 60');
    expect(await alone.evaluate(() => window.__playground!.getState().history)).toEqual(expected);
    expect(problems).toEqual([]);
    await alone.close();
  }
  expect(consoleProblems).toEqual([]);
});
