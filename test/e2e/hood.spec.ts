/**
 * Under the hood in a real browser: a network loaded from an experiment file is explained step
 * by step, and the numbers the panel shows equal the engine's (the same file run through the
 * engine in Node: buildRun + Trainer.batchStep with a trace, written with the panel's precision);
 * an explained run's exported file equals an unexplained one's; axe finds nothing with it open.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, newVisitor, PlaygroundPage } from './pages.ts';
import { explain, fmtPlain } from '../../src/explain/equations.ts';
import { createTrace } from '../../src/nn/trace.ts';
import { readExperimentFile } from '../../src/share/file.ts';
import { buildRun } from '../../src/worker/build.ts';

// 100 training points in minibatches of 8 (13 per epoch: 12 full, one of 4); two hidden layers, momentum, L2.
const LINK =
  '#v=1&dataset=xor&dataSeed=4&noise=10&samples=200&train=50&features=x,y&hidden=4,3&activation=tanh' +
  '&init=xavier&seed=5&batch=8&optimizer=momentum&lr=0.03&reg=l2&regRate=0.001&speed=100';

const epochOf = (page: Page) => page.evaluate(() => window.__playground!.getState().snapshot?.epoch ?? -1);
async function stepTo(page: Page, epochs: number, to: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.getState().step(n), epochs);
  await expect.poll(() => epochOf(page), { timeout: 30_000 }).toBe(to);
}
const fact = (page: Page, label: string) => page.getByTestId(`hood-fact-${label}`).locator('dd');

test('a network loaded from a file is explained step by step with the engine numbers', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The experiment file: a run trained 3 epochs and exported.
  const maker = await newVisitor(browser);
  await exposeStore(maker.page);
  await maker.playground.open(LINK);
  await stepTo(maker.page, 3, 3);
  const path = await maker.playground.download('Export experiment');
  await maker.context.close();

  await exposeStore(page);
  const p = new PlaygroundPage(page);
  await p.open();
  await p.importFile('experiment', path);
  await expect.poll(() => epochOf(page)).toBe(3);

  // The same file through the engine in Node: the step the page will explain.
  const read = readExperimentFile(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(read.error);
  const e = read.experiment;
  const built = buildRun(1, e.config, undefined, { ...e.weights!, epoch: e.epoch, trainer: e.trainer! });
  const trace = createTrace(built.net, 8);
  built.trainer.batchStep(trace);

  await page.getByRole('button', { name: 'Explain step' }).click();
  const region = page.getByRole('region', { name: 'Under the hood' });
  await expect(region).toBeVisible();
  const phase = page.getByTestId('hood-phase');
  await expect(phase).toHaveText('Forward · layer 1 of 3 · phase 1 of 13');
  await expect(page.getByTestId('hood-batch')).toHaveText('Minibatch 1 of 13 in epoch 4 · 8 samples');
  await expect(page.getByTestId('batch')).toHaveText('1 of 13');
  await expect(region.locator('math').first()).toBeVisible();

  const want = (ph: Parameters<typeof explain>[1], layer: number, unit: number, sample: number) =>
    Object.fromEntries(explain(trace, ph, { layer, unit, input: null, sample }).facts.map((f) => [f.label, f.shown]));

  // Forward, layer 1: the output's default focus is elsewhere, so unit 1; then a named unit clicked in the diagram.
  let w = want({ kind: 'forward', layer: 0 }, 0, 0, 0);
  await expect(fact(page, 'z')).toHaveText(w.z!);
  await page.getByRole('button', { name: 'Unit 3 of layer 1: edit bias' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  w = want({ kind: 'forward', layer: 0 }, 0, 2, 0);
  await expect(fact(page, 'z')).toHaveText(w.z!);
  await expect(fact(page, 'a')).toHaveText(w.a!);
  expect(w.z).toBe(fmtPlain(trace.z[0]![2]!));

  // Another sample of the minibatch.
  await region.getByLabel('Sample').selectOption('5');
  w = want({ kind: 'forward', layer: 0 }, 0, 2, 5);
  await expect(fact(page, 'z')).toHaveText(w.z!);

  // → to the loss, then the output's backward, then hidden layer 2's.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(phase).toHaveText('Loss · phase 4 of 13');
  w = want({ kind: 'loss' }, 2, 0, 5);
  await expect(fact(page, 'L')).toHaveText(w.L!);
  await expect(fact(page, 'mean L')).toHaveText(w['mean L']!);
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(phase).toHaveText('Backward · layer 3 of 3 · phase 5 of 13');
  await expect(fact(page, 'δ')).toHaveText(want({ kind: 'backward', layer: 2 }, 2, 0, 5)['δ']!);
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(phase).toHaveText('Backward · layer 2 of 3 · phase 6 of 13');
  await expect(fact(page, 'δ')).toHaveText(want({ kind: 'backward', layer: 1 }, 1, 0, 5)['δ']!);
  await expect(region.getByRole('button', { name: /^Unit 2: δ = / })).toHaveAttribute(
    'title',
    `Unit 2: δ = ${fmtPlain(trace.delta[1]![5 * 3 + 1]!)}`,
  );
  await region.getByRole('button', { name: 'Previous' }).click();
  await expect(phase).toHaveText('Backward · layer 3 of 3 · phase 5 of 13');

  // On to the last phase: the update of the output layer, weights before and after.
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(phase).toHaveText('Update · layer 3 of 3 · phase 13 of 13');
  w = Object.fromEntries(
    explain(trace, { kind: 'update', layer: 2 }, { layer: 2, unit: 0, input: null, sample: 5 }).facts.map((f) => [
      f.label,
      f.shown,
    ]),
  );
  await expect(fact(page, 'w before')).toHaveText(w['w before']!);
  await expect(fact(page, 'v')).toHaveText(w.v!);
  await expect(fact(page, 'w after')).toHaveText(w['w after']!);
  await expect(page.getByTestId('hood-overlay')).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('[data-testid="hood"]').analyze();
  expect(axe.violations).toEqual([]);
  const whole = await new AxeBuilder({ page }).analyze();
  expect(whole.violations).toEqual([]);
});

interface ExportedFile {
  epoch: number;
  weights: number[][][];
  biases: number[][];
  history: unknown[];
  trainer: unknown;
}

test("an explained run's exported file equals an unexplained one's", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await exposeStore(page);
  const a = new PlaygroundPage(page);
  await a.open(LINK);
  await stepTo(page, 2, 2);
  await page.getByRole('button', { name: 'Explain step' }).click();
  await expect(page.getByTestId('hood-phase')).toHaveText(/phase 1 of 13/);
  await page.getByRole('button', { name: 'Batch step' }).click();
  await expect(page.getByTestId('batch')).toHaveText('2 of 13');
  // An export mid-epoch carries the position inside the epoch.
  const mid = JSON.parse(readFileSync(await a.download('Export experiment'), 'utf8')) as {
    trainer: { batch?: unknown };
  };
  expect(mid.trainer.batch).toMatchObject({ pos: 16, batches: 2 });
  await stepTo(page, 4, 6);
  await expect(page.getByTestId('batch')).toHaveCount(0);
  const explained = JSON.parse(readFileSync(await a.download('Export experiment'), 'utf8')) as ExportedFile;

  const other = await newVisitor(browser);
  await exposeStore(other.page);
  await other.playground.open(LINK);
  await stepTo(other.page, 6, 6);
  const plain = JSON.parse(readFileSync(await other.playground.download('Export experiment'), 'utf8')) as ExportedFile;
  await other.context.close();

  expect(explained.epoch).toBe(6);
  expect(explained.history).toEqual(plain.history);
  expect(explained.weights).toEqual(plain.weights);
  expect(explained.biases).toEqual(plain.biases);
  expect(explained.trainer).toEqual(plain.trainer);
});
