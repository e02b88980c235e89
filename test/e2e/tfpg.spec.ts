/**
 * TF Playground's exact mode in a real browser: the oracle's TF Playground link opens, its notice
 * offers "Train exactly as TF Playground", and the run then shows TF Playground's own losses
 * (test/fixtures/tfpg) at every traced epoch to epoch 500; the exported file holds its weights.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import oracle from '../fixtures/tfpg/default-seed0.12345.json' with { type: 'json' };
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage, RESULTS, storeState } from './pages.ts';

const LINK =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';

/** The page's number format (src/ui/labels.ts formatNumber). */
const shown = (v: number) => (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toFixed(3)).replace('-', '−');
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
/** The flat params of nested weights: per layer W (out, in) row-major, then b. */
const flat = (w: number[][][], b: number[][]) => w.flatMap((W, l) => [...W.flat(), ...b[l]!]);

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

test('a TF Playground link trained exactly as TF Playground: its losses to epoch 500, its weights in the file', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(120_000);
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  const offer = page.getByRole('button', { name: 'Train exactly as TF Playground' });
  await expect(offer).toBeVisible();
  await page.screenshot({ path: `${RESULTS}/tfpg-notice-light.png` });
  await page.evaluate(() => window.__playground!.getState().setConfig({ theme: 'projector' }));
  await page.screenshot({ path: `${RESULTS}/tfpg-notice-projector.png` });
  await page.evaluate(() => window.__playground!.getState().setConfig({ theme: 'light' }));

  await offer.click();
  const banner = page.getByTestId('tfpg-banner');
  await expect(banner).toContainText('Training as TF Playground does: same numbers as the link on TF Playground.');
  expect((await storeState(page)).config).toMatchObject({ engineMode: 'tfpg', tfSeed: '0.12345' });
  await expect.poll(() => page.url()).toContain('tfpgExact=1');
  // The held controls say why they are disabled.
  await expect(page.getByLabel('Optimizer', { exact: true })).toBeDisabled();
  await expect(page.locator('[data-control="optimizer"]')).toHaveAttribute('title', /plain SGD/);
  await expect(page.locator('[data-control="cosX"] input')).toBeDisabled();
  await expect(page.locator('[data-control="cosX"]')).toHaveAttribute('title', /no cos x/);

  // Epoch 0: TF Playground's initial weights and losses.
  await expect
    .poll(async () => (await storeState(page)).params)
    .toEqual(flat(oracle.initialWeights, oracle.initialBiases));
  let worst = 0;
  for (const point of oracle.lossTrace) {
    const now = (await storeState(page)).epoch;
    if (point.iter > now) await page.evaluate((n) => window.__playground!.getState().step(n), point.iter - now);
    await expect.poll(async () => (await storeState(page)).epoch, { timeout: 30_000 }).toBe(point.iter);
    const s = await storeState(page);
    worst = Math.max(worst, rel(s.trainLoss!, point.lossTrain), rel(s.testLoss!, point.lossTest));
    expect(rel(s.trainLoss!, point.lossTrain), `train loss at ${point.iter}`).toBeLessThan(1e-12);
    expect(rel(s.testLoss!, point.lossTest), `test loss at ${point.iter}`).toBeLessThan(1e-12);
    await expect(p.trainLoss).toHaveText(shown(point.lossTrain));
    await expect(p.testLoss).toHaveText(shown(point.lossTest));
  }
  console.log(`tfpg e2e: largest relative loss difference over epochs 0..500: ${worst}`);

  const file = JSON.parse(readFileSync(await p.download('Export experiment'), 'utf8'));
  expect(file.config).toMatchObject({ engineMode: 'tfpg', tfSeed: '0.12345' });
  expect(file.epoch).toBe(500);
  const got = flat(file.weights, file.biases);
  const want = flat(oracle.finalWeights, oracle.finalBiases);
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(rel(got[i]!, want[i]!), `weight ${i}`).toBeLessThan(1e-12);

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: `${RESULTS}/tfpg-banner-light.png` });
  await page.evaluate(() => window.__playground!.getState().setConfig({ theme: 'projector' }));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: `${RESULTS}/tfpg-banner-projector.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${RESULTS}/tfpg-banner-projector-1024.png` });

  // The way back: our engine, every setting kept.
  await page.getByRole('button', { name: 'Use our engine' }).click();
  await expect(banner).toHaveCount(0);
  expect((await storeState(page)).config).toMatchObject({ engineMode: 'ours', dataset: 'circle', hidden: [4, 2] });
  expect(consoleProblems).toEqual([]);
});

test('a link with tfpgExact=1 opens straight in the mode', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open(`${LINK}&tfpgExact=1`);
  await expect(page.getByTestId('tfpg-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train exactly as TF Playground' })).toHaveCount(0);
  await expect
    .poll(async () => (await storeState(page)).params)
    .toEqual(flat(oracle.initialWeights, oracle.initialBiases));
  await expect(p.trainLoss).toHaveText(shown(oracle.lossTrace[0]!.lossTrain));
  expect(consoleProblems).toEqual([]);
});
