// The Recharts views' first draw, in app (the built app in Chromium), for `npm run bench`:
//   in-app-recharts  ms from a click to the chart drawn (its path in the page and one more frame):
//     lrFinder  "Find a learning rate" → the range test in the worker, the lazy chunk with Recharts
//               loaded for the first time, the plot drawn
//     overlay   "Overlay" of two kept runs → the overlay's chunk (Recharts already loaded), drawn
//   target: each under 1000 ms (the issue measured 0.25–0.6 s for a first mount).
// The live charts never use Recharts, so training ticks never redraw these.
import type { Page } from '@playwright/test';
import type { BenchResult } from './bench.ts';
import { serveApp } from './bench-server.ts';
import { openForTest } from './perf-probe.ts';

export interface RechartsFigures {
  lrFinderMs: number;
  overlayMs: number;
}

/** ms from clicking `button` until `count` Recharts lines are in the page, plus one frame. */
async function clickToDrawn(page: Page, button: string, count: number): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __t0: number }).__t0 = 0;
  });
  const clicked = page.locator(button).evaluate((b) => {
    (window as unknown as { __t0: number }).__t0 = performance.now();
    (b as HTMLButtonElement).click();
  });
  await clicked;
  await page.waitForFunction((n) => document.querySelectorAll('.recharts-line').length >= n, count, {
    timeout: 20_000,
  });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(performance.now() - (window as unknown as { __t0: number }).__t0)),
      ),
  );
}

async function step(page: Page, epochs: number): Promise<void> {
  const to = await page.evaluate((n) => {
    const s = window.__playground!.getState();
    s.step(n);
    return (s.snapshot?.epoch ?? 0) + n;
  }, epochs);
  await page.waitForFunction((e) => window.__playground!.getState().snapshot?.epoch === e, to, { timeout: 30_000 });
}

export async function measureRecharts(): Promise<RechartsFigures> {
  const app = await serveApp();
  try {
    const page = await app.newPage();
    await openForTest(page, '/');
    await step(page, 20);
    const lrFinderMs = await clickToDrawn(page, '[data-control="lr-finder"]', 1);
    await page.getByRole('button', { name: 'Close the learning-rate finder' }).click();
    await page.evaluate(() => window.__playground!.getState().reset());
    await step(page, 20);
    await page.locator('[data-control="history"]').click();
    const items = page.getByTestId('history-item');
    await items.nth(1).waitFor();
    for (const i of [0, 1]) await items.nth(i).getByRole('checkbox').check();
    const overlayMs = await clickToDrawn(page, '.history-actions button.primary', 2);
    return { lrFinderMs, overlayMs };
  } finally {
    await app.close();
  }
}

export function rechartsBench(): { name: string; run(): Promise<BenchResult> } {
  return {
    name: 'in-app-recharts',
    async run() {
      const r = await measureRecharts();
      return {
        name: 'in-app-recharts',
        label: 'in app',
        figure: { lrFinderFirstDrawMs: Math.round(r.lrFinderMs), overlayFirstDrawMs: Math.round(r.overlayMs) },
        target: '< 1000 ms each',
        pass: r.lrFinderMs < 1000 && r.overlayMs < 1000,
      };
    },
  };
}
