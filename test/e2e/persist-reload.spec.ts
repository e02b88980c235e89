/**
 * A reload or an accidental close loses nothing, in a real browser: the experiment kept in
 * IndexedDB comes back at the same epoch with the same weights and trains on exactly as if the
 * page had never gone; "Start fresh" forgets it; a link to another experiment wins over it; a
 * corrupt record gives a notice and a fresh start.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, newVisitor, PlaygroundPage, storeState } from './pages.ts';

const LINK =
  '#v=1&dataset=spiral&dataSeed=3&noise=5&samples=200&train=50&features=x,y,x2,y2&hidden=5,3&activation=tanh' +
  '&init=xavier&seed=11&batch=7&optimizer=adam&lr=0.01&speed=100';
const OTHER_LINK = '#v=1&dataset=xor&hidden=3&lr=0.1';

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

async function stepTo(page: Page, epochs: number, to: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.getState().step(n), epochs);
  await expect.poll(async () => (await storeState(page)).epoch, { timeout: 30_000 }).toBe(to);
}

/** The epoch of the experiment kept in this browser (src/persist), or null; read without creating the database. */
function keptEpoch(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'nn-playground')) return null;
    return new Promise<number | null>((resolve) => {
      const open = indexedDB.open('nn-playground');
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('last-experiment')) {
          db.close();
          resolve(null);
          return;
        }
        const get = db.transaction('last-experiment').objectStore('last-experiment').get('experiment');
        get.onsuccess = () => {
          db.close();
          const file = (get.result as { file?: { epoch?: number } } | undefined)?.file;
          resolve(file?.epoch ?? null);
        };
        get.onerror = () => {
          db.close();
          resolve(null);
        };
      };
    });
  });
}

const restored = (epoch: number) => `Restored your last experiment (epoch ${epoch}).`;

test('a reload brings back the same epoch, weights and history, with a notice, and trains on exactly', async ({
  page,
  browser,
  consoleProblems,
}) => {
  test.setTimeout(90_000);
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  await stepTo(page, 60, 60);
  await expect.poll(() => keptEpoch(page)).toBe(60);
  const before = await storeState(page);
  await page.reload();
  await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
  await expect(p.notices).toContainText(restored(60));
  await expect.poll(async () => (await storeState(page)).epoch).toBe(60);
  const after = await storeState(page);
  expect(after.params).toEqual(before.params);
  expect(after.config).toEqual(before.config);
  expect(after.history).toEqual(before.history);
  await expect.poll(() => p.epochNumber()).toBe(60);
  await stepTo(page, 15, 75);
  const continued = await storeState(page);

  // The same link trained straight to 75 in another browser: the same numbers.
  const other = await newVisitor(browser);
  await other.playground.open(LINK);
  await stepTo(other.page, 75, 75);
  const straight = await storeState(other.page);
  expect(other.problems).toEqual([]);
  await other.context.close();
  expect(continued.params).toEqual(straight.params);
  expect(continued.trainLoss).toBe(straight.trainLoss);
  expect(consoleProblems).toEqual([]);
});

test('closed by accident and opened again: the experiment is there; "Start fresh" forgets it', async ({
  page,
  context,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  await stepTo(page, 25, 25);
  await expect.poll(() => keptEpoch(page)).toBe(25);
  await page.close();

  const again = await context.newPage();
  again.on('console', (m) => console.log('PAGE', m.text()));
  await exposeStore(again);
  const q = new PlaygroundPage(again);
  await q.open();
  await expect(q.notices).toContainText(restored(25));
  await expect.poll(async () => (await storeState(again)).epoch).toBe(25);
  expect((await storeState(again)).config).toMatchObject({ dataset: 'spiral', optimizer: 'adam', batchSize: 7 });

  await q.notices.getByRole('button', { name: 'Start fresh' }).click();
  await expect(again.getByText('Restored your last experiment')).toHaveCount(0);
  await expect.poll(async () => (await storeState(again)).epoch).toBe(0);
  await expect.poll(() => keptEpoch(again)).toBeNull();
  await again.reload();
  await expect(again.getByTestId('worker-status')).toHaveText('Training worker: ready');
  await expect.poll(async () => (await storeState(again)).epoch).toBe(0);
  expect((await storeState(again)).notices).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

test('a link to another experiment wins over the kept one, which is then not restored', async ({
  page,
  context,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  await stepTo(page, 10, 10);
  await expect.poll(() => keptEpoch(page)).toBe(10);

  const linked = await context.newPage();
  await exposeStore(linked);
  const q = new PlaygroundPage(linked);
  await q.open(OTHER_LINK);
  await expect.poll(async () => (await storeState(linked)).epoch).toBe(0);
  const s = await storeState(linked);
  expect(s.config).toMatchObject({ dataset: 'xor', hidden: [3], learningRate: 0.1 });
  expect(s.notices).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

test('a corrupt record: a clear notice and a fresh start, no error', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nn-playground');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('last-experiment', 'readwrite');
          tx.objectStore('last-experiment').put({ savedAt: 1, file: { format: 'nonsense' } }, 'experiment');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await expect(p.notices).toContainText('Your last experiment could not be restored');
  await expect(p.notices).toContainText('starting fresh.');
  expect((await storeState(page)).epoch).toBe(0);
  expect(consoleProblems).toEqual([]);
});
