/**
 * History's "Reopen" restores the run, not only its settings: after a reload, a run kept at epoch
 * N comes back with the same weights and trainer state, at epoch N, with its curve on the chart, and
 * training on gives exactly what the original run gave. History's "Compare" puts that run beside the
 * current one as B, the same way. A record kept without its run (older records) opens its settings
 * and says so.
 */
import { expect, test } from './fixtures.ts';
import { exactState, exposeStore, openHistory, PlaygroundPage, SPIRAL_ADAM_LINK, stepTo } from './pages.ts';

const LINK = SPIRAL_ADAM_LINK;

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

test('Reopen after a reload puts back the network, its epoch and its curve; training on is exact', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 30, 30);
  const at30 = await exactState(page);
  let items = await openHistory(page);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('epoch 30');
  await page.getByRole('button', { name: 'Close the history' }).click();

  // The original run continued: the same settings from the start (same seeds) to epoch 50.
  await page.evaluate(() => window.__playground!.getState().reset());
  await stepTo(page, 30, 30);
  expect((await exactState(page)).params).toEqual(at30.params);
  await stepTo(page, 20, 50);
  const at50 = await exactState(page);
  expect(at50.history.length).toBe(51);

  await page.reload();
  await app.open();
  items = await openHistory(page);
  await expect(items).toHaveCount(2);
  const kept = items.filter({ hasText: 'epoch 30' });
  await kept.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);
  await expect(app.epoch).toHaveText('000,030');
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().snapshot?.epoch)).toBe(30);
  const reopened = await exactState(page);
  expect(reopened.params).toEqual(at30.params);
  expect(reopened.trainer).toEqual(at30.trainer);
  // The curve is back on the loss chart: the original's points up to epoch 30.
  expect(reopened.history).toEqual(at50.history.slice(0, 31));
  await expect(page.locator('.chart-panel svg path').first()).toBeVisible();

  await stepTo(page, 20, 50);
  const continued = await exactState(page);
  expect(continued.params).toEqual(at50.params);
  expect(continued.trainer).toEqual(at50.trainer);
  expect(continued.history).toEqual(at50.history);
  expect(consoleProblems).toEqual([]);
});

test("History's Compare puts the kept run beside the current one as B: its weights, epoch and curve", async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 30, 30);
  const at30 = await exactState(page);
  // The current run: the same settings again, at epoch 10.
  await page.evaluate(() => window.__playground!.getState().reset());
  await stepTo(page, 10, 10);
  const items = await openHistory(page);
  const kept = items.filter({ hasText: 'epoch 30' });
  await kept.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Compare A and B' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__compare!.slot('B')?.snapshot?.epoch)).toBe(30);
  const b = await page.evaluate(() => {
    const s = window.__compare!.slot('B')!;
    return { params: Array.from(s.snapshot!.params), trainer: s.snapshot!.trainer, history: s.history };
  });
  expect(b.params).toEqual(at30.params);
  expect(b.trainer).toEqual(at30.trainer);
  expect(b.history).toEqual(at30.history);
  // Run A is the current run, untouched.
  await expect.poll(() => page.evaluate(() => window.__compare!.slot('A')?.snapshot?.epoch)).toBe(10);
  // While comparing, History's Compare waits for Keep A or Keep B.
  const again = await openHistory(page);
  await expect(again.first().getByRole('button', { name: 'Compare', exact: true })).toBeDisabled();
  expect(consoleProblems).toEqual([]);
});

test('a record kept without its run reopens its settings only, with a short notice', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 12, 12);
  let items = await openHistory(page);
  await expect(items).toHaveCount(1);
  // Make the record an old one (as kept before runs were stored): no `run`, a little newer.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nn-playground-runs');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('runs', 'readwrite');
          const runs = tx.objectStore('runs');
          const all = runs.getAll();
          all.onsuccess = () => {
            const r = all.result[0] as Record<string, unknown>;
            runs.put({ ...r, id: 'old-run', date: Date.now() + 1000, run: undefined, name: 'Old run' }, 'old-run');
          };
          tx.oncomplete = () => resolve();
        };
      }),
  );
  await page.getByRole('button', { name: 'Close the history' }).click();
  await page.evaluate(() => window.__playground!.getState().setConfig({ learningRate: 0.3 }));
  items = await openHistory(page);
  await expect(items).toHaveCount(2);
  await items.filter({ hasText: 'Old run' }).getByRole('button', { name: 'Reopen' }).click();
  await expect(app.notices).toContainText('kept without its weights');
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().config.learningRate)).toBe(0.01);
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().snapshot?.epoch)).toBe(0);
  expect(consoleProblems).toEqual([]);
});
