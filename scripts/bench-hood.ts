// The `hood` scenario of `npm run bench` (in app): Under the hood open on an explained step (the
// panel's equations typeset, the diagram's overlay drawn) while the `large` net trains at full
// speed. Measured like in-app-fps. Target (issue 12): >= 55 fps, no long task.
import type { Page } from '@playwright/test';
import { applyConfig, LARGE_PATCH, measureTraining, type PerfResult } from './perf-probe.ts';

/** With the `large` net loaded: Explain step, move to the second phase, measure training, close the panel. */
export async function measureHood(page: Page, seconds: number): Promise<PerfResult> {
  await applyConfig(page, LARGE_PATCH);
  await page.locator('[data-control="explain"]').click();
  await page.getByTestId('hood-phase').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('hood-overlay').waitFor({ state: 'attached' });
  const r = await measureTraining(page, LARGE_PATCH, seconds);
  await page
    .getByRole('region', { name: 'Under the hood' })
    .getByRole('button', { name: /^Close/ })
    .click();
  return r;
}
