/**
 * Under the hood, in a real browser: picking the explained minibatch's sample by clicking (or
 * Enter on) the output plane, which otherwise still draws points; and the equation card of any
 * unit while paused, whose numbers equal the engine's forward pass (pointTrace run in Node on the
 * page's own weights, written with the card's precision) at the keyboard cursor's point.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage } from './pages.ts';
import { explain } from '../../src/explain/equations.ts';
import { nearestSample } from '../../src/explain/nearest.ts';
import { pointTrace } from '../../src/explain/pointTrace.ts';
import type { ActivationName, FeatureName } from '../../src/nn/types.ts';

// 100 training points in minibatches of 8; two hidden layers (4, 3).
const LINK =
  '#v=1&dataset=xor&dataSeed=4&noise=10&samples=200&train=50&features=x,y&hidden=4,3&activation=tanh' +
  '&init=xavier&seed=5&batch=8&optimizer=momentum&lr=0.03&speed=100';

interface Run {
  points: number[];
  region: { xMin: number; xMax: number; yMin: number; yMax: number };
  sizes: number[];
  activations: ActivationName[];
  features: FeatureName[];
  params: number[];
}
const runOf = (page: Page): Promise<Run> =>
  page.evaluate(() => {
    const s = window.__playground!.getState();
    const info = s.runInfo!;
    return {
      points: Array.from(info.trainPoints),
      region: info.region,
      sizes: info.sizes,
      activations: info.layers.map((l) => l.activation),
      features: info.features,
      params: Array.from(s.snapshot!.params),
    };
  });

async function trainTwoEpochs(page: Page): Promise<PlaygroundPage> {
  await exposeStore(page);
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  await page.evaluate(() => window.__playground!.getState().step(2));
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().snapshot?.epoch)).toBe(2);
  return p;
}

/** Click the plane at data point (x, y). */
async function clickPlaneAt(page: Page, r: Run['region'], x: number, y: number): Promise<void> {
  const box = (await page.getByRole('img', { name: /Decision boundary/ }).boundingBox())!;
  const px = box.x + ((x - r.xMin) / (r.xMax - r.xMin)) * box.width;
  const py = box.y + ((r.yMax - y) / (r.yMax - r.yMin)) * box.height;
  await page.mouse.click(px, py);
}

test('while a step is explained, a click or Enter on the plane picks the nearest sample; otherwise it draws', async ({
  page,
}) => {
  const p = await trainTwoEpochs(page);
  await p.drawWith('Blue (positive)');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Explain step' }).click();
  const region = page.getByRole('region', { name: 'Under the hood' });
  await expect(page.getByTestId('hood-phase')).toHaveText(/phase 1 of 13/);
  const run = await runOf(page);
  // The minibatch's training rows, as the Sample list names them ("4 (point 17)").
  const select = region.getByLabel('Sample');
  const rows = (await select.locator('option').allTextContents()).map((t) => Number(/point (\d+)/.exec(t)![1]) - 1);
  expect(rows).toHaveLength(8);

  // A click on sample 4's own point picks it, rings it and says so.
  const at = { x: run.points[2 * rows[3]!]!, y: run.points[2 * rows[3]! + 1]! };
  await clickPlaneAt(page, run.region, at.x, at.y);
  await expect(select).toHaveValue('3');
  await expect(page.getByTestId('hood-picked')).toHaveText('Sample 4 (clicked on the plane)');
  const ring = page.getByTestId('plane-pick');
  await expect(ring).toHaveAttribute('data-x', String(at.x));
  await expect(ring).toHaveAttribute('data-y', String(at.y));
  const ringBox = (await ring.boundingBox())!;
  const plane = (await page.getByRole('img', { name: /Decision boundary/ }).boundingBox())!;
  const cx = plane.x + ((at.x - run.region.xMin) / (run.region.xMax - run.region.xMin)) * plane.width;
  expect(Math.abs(ringBox.x + ringBox.width / 2 - cx)).toBeLessThan(2);
  // The panel's numbers are that sample's.
  await expect(page.getByRole('heading', { name: /sample 4$/ })).toBeVisible();

  // A click far from every point of the minibatch picks the nearest anyway, and says so.
  let far = { x: 0, y: 0 };
  for (let gx = -5.5; gx <= 5.5; gx += 0.5)
    for (let gy = -5.5; gy <= 5.5; gy += 0.5) {
      const q = nearestSample(run.points, rows, 8, gx, gy, 0.3)!;
      const best = nearestSample(run.points, rows, 8, far.x, far.y, 0.3)!;
      if (q.distance > best.distance) far = { x: gx, y: gy };
    }
  const want = nearestSample(run.points, rows, 8, far.x, far.y, 0.3)!;
  expect(want.near).toBe(false);
  await clickPlaneAt(page, run.region, far.x, far.y);
  await expect(select).toHaveValue(String(want.sample));
  await expect(page.getByTestId('hood-picked')).toHaveText(`Sample ${want.sample + 1} (nearest in this minibatch)`);

  // Enter at the keyboard cursor: with the mouse off the plane it starts at (0, 0); → → ↑ take it to (1, 0.5).
  const planeEl = page.getByRole('img', { name: /Decision boundary/ });
  await page.mouse.move(1, 1);
  await planeEl.focus();
  for (const k of ['ArrowRight', 'ArrowRight', 'ArrowUp']) await planeEl.press(k);
  await planeEl.press('Enter');
  const byKey = nearestSample(run.points, rows, 8, 1, 0.5, 0.3)!;
  await expect(select).toHaveValue(String(byKey.sample));
  await expect(page.getByTestId('hood-picked')).toContainText(`Sample ${byKey.sample + 1} (`);

  // Picking never drew: the data is still XOR's. Closed, the same click draws a point again.
  expect(await page.evaluate(() => window.__playground!.getState().config.dataset)).toBe('xor');
  await region.getByRole('button', { name: 'Close' }).first().click();
  await expect(region).toHaveCount(0);
  await expect(ring).toHaveCount(0);
  await clickPlaneAt(page, run.region, far.x, far.y);
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().config.dataset)).toBe('custom');
});

test('while paused, a clicked unit shows its equation with the engine numbers at the pointer', async ({ page }) => {
  await trainTwoEpochs(page);
  const run = await runOf(page);
  const model = { sizes: run.sizes, activations: run.activations, features: run.features };
  const want = (x: number, y: number, layer: number, unit: number) =>
    Object.fromEntries(
      explain(
        pointTrace(model, Float64Array.from(run.params), x, y),
        { kind: 'forward', layer },
        { layer, unit, input: null, sample: 0 },
      ).facts.map((f) => [f.label, f.shown]),
    );
  const fact = (label: string) => page.getByTestId(`unit-card-${label}`).locator('dd');

  await page.getByRole('button', { name: 'Unit 2 of layer 1: edit bias' }).click();
  const region = page.getByRole('region', { name: 'Under the hood' });
  const card = page.getByTestId('unit-card');
  await expect(card).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card.getByRole('heading')).toHaveText('Unit 2 of layer 1: its equation');
  await expect(page.getByTestId('card-unit')).toHaveCount(1);
  await expect(card.locator('math').first()).toBeVisible();
  // No pointer on the plane: the first training point, said as such.
  const [x0, y0] = [run.points[0]!, run.points[1]!];
  await expect(page.getByTestId('unit-card-where')).toContainText('At the first training point 1 (');
  let w = want(x0, y0, 0, 1);
  await expect(fact('z')).toHaveText(w.z!);
  await expect(fact('a')).toHaveText(w.a!);

  // The keyboard cursor on the plane: (0, 0), then → → ↑ to (1, 0.5); the numbers follow it.
  const plane = page.getByRole('img', { name: /Decision boundary/ });
  await plane.focus();
  for (const k of ['ArrowRight', 'ArrowRight', 'ArrowUp']) await plane.press(k);
  await expect(page.getByTestId('unit-card-where')).toHaveText('At the pointer (1.00, 0.50)');
  w = want(1, 0.5, 0, 1);
  await expect(fact('z')).toHaveText(w.z!);
  await expect(fact('a')).toHaveText(w.a!);
  await expect(fact('b')).toHaveText(w.b!);
  await plane.press('ArrowDown');
  await plane.press('ArrowDown');
  await expect(page.getByTestId('unit-card-where')).toHaveText('At the pointer (1.00, −0.50)');
  await expect(fact('z')).toHaveText(want(1, -0.5, 0, 1).z!);

  // The panel, the diagram and the plane side by side: none covers another.
  const boxes = await Promise.all([region, page.getByTestId('network-diagram'), plane].map((l) => l.boundingBox()));
  const [r, d, o] = boxes.map((b) => b!);
  for (const b of [d!, o!]) expect(r!.x + r!.width <= b.x || b.x + b.width <= r!.x).toBe(true);

  // Another unit (the output), then a second click on it edits its bias.
  await page.getByRole('button', { name: 'Output: edit bias' }).click();
  await expect(card.getByRole('heading')).toHaveText('Output: its equation');
  // The cursor left the plane with its focus: back to the first training point.
  await expect(page.getByTestId('unit-card-where')).toContainText('At the first training point 1 (');
  await expect(fact('z')).toHaveText(want(x0, y0, 2, 0).z!);
  await expect(fact('a')).toHaveText(want(x0, y0, 2, 0).a!);
  await page.getByRole('button', { name: 'Output: edit bias' }).click();
  await expect(page.getByRole('dialog', { name: 'Bias of output' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card).toBeVisible();
  // Escape again closes the card, and the panel it opened.
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(region).toHaveCount(0);

  // While training, a click on a unit edits its bias as before (and pauses).
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Unit 1 of layer 2: edit bias' }).click();
  await expect(page.getByRole('dialog', { name: 'Bias of unit 1 of layer 2' })).toBeVisible();
  await expect(card).toHaveCount(0);
});
