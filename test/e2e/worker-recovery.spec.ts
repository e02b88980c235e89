/**
 * The worker dies in a real browser and the page recovers: a fresh worker gets the current config,
 * continues from the last snapshot's weights and, since the run was playing, trains on. Two
 * deaths: an uncaught exception (the Worker's error event) and a worker that simply stops
 * (self.close(): no event at all, found by the client's heartbeat).
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openForTest } from '../../scripts/perf-probe.ts';

const run = (page: Page) =>
  page.evaluate(() => {
    const s = window.__playground!.getState();
    return { status: s.run.status, epoch: s.run.epoch, runId: s.runId, lr: s.config.learningRate };
  });

/** The training worker the page runs now (Playwright lists workers until they are gone). */
async function liveWorker(page: Page, not?: Worker): Promise<Worker> {
  await expect.poll(() => page.workers().filter((w) => w !== not).length).toBeGreaterThan(0);
  return page.workers().filter((w) => w !== not)[0]!;
}

async function trainAWhile(page: Page) {
  await openForTest(page);
  await page.evaluate(() => window.__playground!.getState().setConfig({ learningRate: 0.1, hidden: [4], speed: 100 }));
  await page.evaluate(() => window.__playground!.getState().play());
  await expect.poll(async () => (await run(page)).epoch).toBeGreaterThan(20);
}

async function expectTrainingOn(page: Page, before: { epoch: number; runId: number }) {
  await expect.poll(async () => (await run(page)).runId).toBeGreaterThan(before.runId);
  // Continued, not restarted: the epoch count never falls back to 0, and it keeps rising.
  const after = await run(page);
  expect(after.epoch).toBeGreaterThanOrEqual(before.epoch - 5);
  await expect.poll(async () => (await run(page)).epoch).toBeGreaterThan(after.epoch + 10);
  const now = await run(page);
  expect(now.status).toBe('running');
  expect(now.lr).toBe(0.1);
}

test('an exception in the worker: one notice, a fresh worker trains on from the last state', async ({
  page,
  consoleProblems,
}) => {
  await trainAWhile(page);
  const first = await liveWorker(page);
  const before = await run(page);
  await first.evaluate(() => {
    setTimeout(() => {
      throw new Error('boom from a test');
    });
  });
  const notice = page.getByRole('list', { name: 'Notices' }).getByRole('listitem');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('The training worker failed');
  await expect(notice).toContainText('boom from a test');
  await expect(notice).toContainText(
    /A fresh worker continues exactly where it was \(epoch \d+\) and keeps training; nothing was lost\./,
  );
  await expectTrainingOn(page, before);
  await expect.poll(() => page.workers().length).toBe(1);
  // The browser reports the worker's uncaught exception on the console; that one is expected.
  expect(consoleProblems.filter((p) => !p.includes('boom from a test'))).toEqual([]);
  consoleProblems.length = 0;
});

test('a worker that stops without a word is found by the heartbeat and replaced', async ({ page, consoleProblems }) => {
  test.setTimeout(60_000);
  await trainAWhile(page);
  const first = await liveWorker(page);
  const before = await run(page);
  await first.evaluate(() => self.close());
  // The heartbeat pings every 2 s and gives up after 8 s of silence.
  await expect(page.getByRole('list', { name: 'Notices' }).getByRole('listitem')).toContainText(
    'The training worker stopped responding',
    { timeout: 20_000 },
  );
  await expectTrainingOn(page, before);
  expect(consoleProblems).toEqual([]);
});
