/**
 * Every phase of a 2-hidden-layer network's explained step, in the light and projector themes at
 * 1280×800 and 1024×768: each phase shows its label, typeset math (a <math> element, no line cut
 * off), the diagram's highlight, and the panel covers neither the diagram nor the output plane;
 * axe finds nothing with the panel open; a PNG per phase goes to test-results (looked at by hand).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage, RESULTS } from './pages.ts';
import { phaseLabel, phasesOf } from '../../src/explain/equations.ts';

// Two hidden layers (4, 3), Adam with L2 and clipping: the longest equations the step has.
const LINK =
  '#v=1&dataset=xor&dataSeed=4&noise=10&samples=200&train=50&features=x,y,xy&hidden=4,3&activation=tanh' +
  '&init=xavier&seed=5&batch=8&optimizer=adam&lr=0.03&reg=l2&regRate=0.001&speed=100';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1024x768', width: 1024, height: 768 },
] as const;
const THEMES = ['light', 'projector'] as const;

async function apart(a: Locator, b: Locator, what: string): Promise<void> {
  const [p, q] = [(await a.boundingBox())!, (await b.boundingBox())!];
  const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
  expect(overlap, `the panel covers ${what}`).toBe(false);
}

for (const size of SIZES)
  for (const theme of THEMES)
    test(`every phase, ${theme} theme at ${size.name}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await exposeStore(page);
      const p = new PlaygroundPage(page);
      await p.open(`${LINK}&theme=${theme}`);
      await page.evaluate(() => window.__playground!.getState().step(2));
      await expect.poll(() => page.evaluate(() => window.__playground!.getState().snapshot?.epoch)).toBe(2);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

      await page.getByRole('button', { name: 'Explain step' }).click();
      const region = page.getByRole('region', { name: 'Under the hood' });
      const label = page.getByTestId('hood-phase');
      const phases = phasesOf(3);
      await expect(label).toHaveText(phaseLabel(phases[0]!, 3));
      await expect(region.locator('math').first()).toBeVisible();

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations).toEqual([]);

      const diagram = page.getByTestId('network-diagram');
      const plane = page.getByRole('img', { name: /Decision boundary/ });
      for (const [n, ph] of phases.entries()) {
        if (n > 0) await region.getByRole('button', { name: 'Next' }).click();
        await expect(label).toHaveText(phaseLabel(ph, 3));
        await expect(region.locator('math').first()).toBeVisible();
        await expect(page.getByTestId('hood-overlay')).toBeVisible();
        await expect(page.getByTestId('hood-focus-unit')).toHaveCount(1);
        await apart(region, diagram, 'the network diagram');
        await apart(region, plane, 'the output plane');
        // No equation runs past the panel's edge (each wraps between its pieces instead).
        const cut = await region
          .locator('.hood-math-line')
          .evaluateAll((lines) => lines.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
        expect(cut, 'equations cut off').toEqual([]);
        const name = `${String(n + 1).padStart(2, '0')}-${ph.kind}${ph.layer === undefined ? '' : ph.layer + 1}`;
        await page.screenshot({ path: `${RESULTS}/hood-phase-${theme}-${size.name}-${name}.png` });
      }
      const last = await new AxeBuilder({ page }).include('[data-testid="hood"]').analyze();
      expect(last.violations).toEqual([]);
    });

test('on a phone the panel is a sheet over the bottom of the page, its Close always in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await exposeStore(page);
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  await page.evaluate(() => window.__playground!.getState().step(2));
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().snapshot?.epoch)).toBe(2);
  await page.getByRole('button', { name: 'Explain step' }).click();
  const region = page.getByRole('region', { name: 'Under the hood' });
  await expect(page.getByTestId('hood-phase')).toHaveText(phaseLabel(phasesOf(3)[0]!, 3));
  const sheet = (await region.boundingBox())!;
  // The lower part of the screen, the full width.
  expect(sheet.y).toBeGreaterThan(844 / 3);
  expect(Math.round(sheet.y + sheet.height)).toBe(844);
  expect(sheet.width).toBeGreaterThan(380);
  // Scrolled to its end, the sheet's header (with Close) stays in view.
  await region.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const close = region.getByRole('button', { name: 'Close', exact: true });
  const c = (await close.boundingBox())!;
  expect(c.y).toBeGreaterThanOrEqual(sheet.y);
  expect(c.y + c.height).toBeLessThanOrEqual(sheet.y + sheet.height);
  await page.screenshot({ path: `${RESULTS}/hood-phase-phone-light-390x844.png` });
  await close.click();
  await expect(region).toHaveCount(0);
});
