/**
 * Under the hood open (an explained step on screen, the diagram's overlay drawn) while the worker
 * trains the large network at full speed: the page stays fluid, judged like worker-perf.spec.ts
 * by the bounds of ./perfProbe.ts (CPU on every try, the wall clock on the best of up to three).
 */
import { test, expect } from './fixtures.ts';
import { applyConfig, LARGE_PATCH, openForTest } from '../../scripts/perf-probe.ts';
import { expectFluid, measureTries } from './perfProbe.ts';

test('the page stays fluid with Under the hood open while the large network trains', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(120_000);
  await openForTest(page);
  await applyConfig(page, LARGE_PATCH);
  await page.getByRole('button', { name: 'Explain step' }).click();
  await expect(page.getByTestId('hood-phase')).toHaveText(/^Forward · layer 1 of 7 · phase 1 of 29$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('hood-overlay')).toBeAttached();
  const tries = await measureTries(page, LARGE_PATCH, 'hood open');
  await expect(page.getByRole('region', { name: 'Under the hood' })).toBeVisible();
  expectFluid(tries);
  expect(consoleProblems).toEqual([]);
});
