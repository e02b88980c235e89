/**
 * Offline in a classroom: after one visit the app opens, opens a link, trains and exports with no
 * network, from a sub-path; no request ever leaves the origin; a new version waits for the learner
 * ("A new version is available" · Reload) and the running experiment survives that reload.
 */
import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage, RESULTS, storeState } from './pages.ts';
import { serveSubPath, type StaticServer } from './staticServer.ts';

const DIST = process.env.E2E_OUT_DIR ?? 'dist';
const LINK =
  '#v=1&dataset=xor&dataSeed=3&noise=5&samples=200&train=50&features=x,y&hidden=4&activation=tanh' +
  '&seed=7&batch=10&optimizer=sgd&lr=0.03&speed=100';

let server: StaticServer;
test.beforeEach(async () => {
  server = await serveSubPath(DIST);
});
test.afterEach(async () => {
  await server.close();
});

/** Every request the context makes, to check none leaves the origin. */
function watchRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}
function foreign(urls: string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
}

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
  await expect(page.getByTestId('heatmap')).toBeVisible();
}

/** The first visit: the service worker installs and precaches everything. */
async function firstVisit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await ready(page);
  // A new origin for this browser: the welcome shows on a first visit without a link.
  if (!url.includes('#')) await page.getByRole('button', { name: 'Just explore' }).click();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(server.url);
}

test('after one visit the app works offline from a sub-path: a link, training, an export, a lesson', async ({
  page,
  context,
  consoleProblems,
}) => {
  await exposeStore(page);
  const urls = watchRequests(context);
  await firstVisit(page, server.url);

  await context.setOffline(true);
  await page.reload();
  await ready(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // A link (the settings live in the hash) opens offline.
  await page.goto(`${server.url}${LINK}`);
  await ready(page);
  const p = new PlaygroundPage(page);
  expect((await storeState(page)).config).toMatchObject({ dataset: 'xor', hidden: [4], seed: 7 });
  await p.playUntil(30);
  const file = await p.download('Export experiment');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { epoch: number; config: { dataset: string } };
  expect(json.config.dataset).toBe('xor');
  expect(json.epoch).toBe((await storeState(page)).epoch);
  expect(json.epoch).toBeGreaterThanOrEqual(30);

  // A lesson (its texts and the panel are their own chunks, precached too) opens and plays offline.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('button', { name: /cannot learn XOR/ }).click();
  await expect(lesson.getByTestId('lesson-count')).toHaveText('Step 1 of 3');
  expect((await storeState(page)).config).toMatchObject({ dataset: 'xorTable', hidden: [] });
  await p.playUntil(50);

  expect(foreign(urls, server.origin)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

test('a new version waits for Reload, never reloads by itself, and keeps the running experiment', async ({
  page,
  context,
  consoleProblems,
}) => {
  await exposeStore(page);
  const urls = watchRequests(context);
  // The next version: the same app with a changed service worker script.
  const next = `${RESULTS}/dist-next`;
  rmSync(next, { recursive: true, force: true });
  cpSync(DIST, next, { recursive: true });
  appendFileSync(`${next}/sw.js`, '\n// next version\n');

  await firstVisit(page, `${server.url}${LINK}`);
  await page.reload();
  await ready(page);
  const p = new PlaygroundPage(page);
  await p.playUntil(20);
  const before = await storeState(page);
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  server.setRoot(next);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
  const notice = p.notices.getByRole('listitem').filter({ hasText: 'A new version is available.' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  // Nothing happens under the learner: same page, same run.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect((await storeState(page)).epoch).toBe(before.epoch);

  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await ready(page);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined();
  await expect.poll(async () => (await storeState(page)).epoch).toBe(before.epoch);
  const after = await storeState(page);
  expect(after.params).toEqual(before.params);
  expect(after.config).toEqual(before.config);
  const swScript = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const script = reg?.active ? await fetch(reg.active.scriptURL).then((r) => r.text()) : '';
    return script.includes('// next version');
  });
  expect(swScript).toBe(true);
  expect(foreign(urls, server.origin)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});
