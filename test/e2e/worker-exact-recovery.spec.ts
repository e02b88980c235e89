/**
 * A worker crash loses nothing, in a real browser: the same link trained to epoch N, the worker
 * killed, then trained on to N + 200, exports the same file (history, weights, biases, trainer
 * state) as a run that was never interrupted, number for number. Adam with a batch size that
 * leaves a remainder, so the optimizer moments and the shuffle order both matter; N past the
 * history's 500 points, so the restored history is downsampled and its weights matter too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, newVisitor, PlaygroundPage } from './pages.ts';

// 100 training points, batches of 7 (14 full, one of 2), Adam.
const LINK =
  '#v=1&dataset=spiral&dataSeed=3&noise=5&samples=200&train=50&features=x,y,x2,y2&hidden=5,3&activation=tanh' +
  '&init=xavier&seed=11&batch=7&optimizer=adam&lr=0.01&speed=100';
const N = 420;
const MORE = 200;

const current = (page: Page) =>
  page.evaluate(() => {
    const s = window.__playground!.getState();
    return { runId: s.runId, epoch: s.snapshot?.epoch ?? -1, worker: s.worker, notices: s.notices.map((n) => n.text) };
  });

/** Step `epochs` through the store (deterministic: no timers) and wait for the snapshot that ends them. */
async function stepTo(page: Page, epochs: number, to: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.getState().step(n), epochs);
  await expect.poll(async () => (await current(page)).epoch, { timeout: 30_000 }).toBe(to);
}

interface ExportedFile {
  epoch: number;
  weights: number[][][];
  biases: number[][];
  history: unknown[];
  trainer: { rng: number; order: number[]; optimizer: { m: number[]; v: number[]; t: number } };
}

async function exportFile(p: PlaygroundPage): Promise<ExportedFile> {
  return JSON.parse(readFileSync(await p.download('Export experiment'), 'utf8')) as ExportedFile;
}

test('a worker killed at epoch N continues exactly: the same history, weights and trainer state as without the crash', async ({
  page,
  browser,
  consoleProblems,
}) => {
  test.setTimeout(120_000);
  await exposeStore(page);
  const a = new PlaygroundPage(page);
  await a.open(LINK);
  await stepTo(page, N, N);
  const before = await current(page);
  const first = page.workers()[0]!;
  await first.evaluate(() => {
    setTimeout(() => {
      throw new Error('killed by a test');
    });
  });
  await expect.poll(async () => (await current(page)).runId).toBeGreaterThan(before.runId);
  await expect.poll(async () => (await current(page)).epoch).toBe(N);
  await expect.poll(async () => (await current(page)).worker).toBe('ready');
  await expect(a.notices).toContainText(`continues exactly where it was (epoch ${N}); nothing was lost.`);
  await stepTo(page, MORE, N + MORE);
  const crashed = await exportFile(a);

  const other = await newVisitor(browser);
  const b = other.playground;
  await b.open(LINK);
  await stepTo(other.page, N, N);
  await stepTo(other.page, MORE, N + MORE);
  const straight = await exportFile(b);
  expect(other.problems).toEqual([]);
  await other.context.close();

  expect(crashed.epoch).toBe(N + MORE);
  expect(straight.epoch).toBe(N + MORE);
  // The history was downsampled (more than 500 epochs), so its points carry their weights.
  expect(straight.history.length).toBeLessThan(N + MORE);
  expect(straight.history[0]).toHaveProperty('n');
  expect(crashed.history).toEqual(straight.history);
  expect(crashed.weights).toEqual(straight.weights);
  expect(crashed.biases).toEqual(straight.biases);
  expect(crashed.trainer).toEqual(straight.trainer);
  expect(straight.trainer.optimizer.t).toBe((N + MORE) * 15);

  // The browser reports the worker's uncaught exception on the console; that one is expected.
  expect(consoleProblems.filter((p) => !p.includes('killed by a test'))).toEqual([]);
  consoleProblems.length = 0;
});
