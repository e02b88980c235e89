/**
 * Files in a real browser: an exported experiment, imported into a fresh page, continues with the
 * same numbers as the original; CSV in (with line-numbered errors) and out; the boundary as PNG;
 * drawing points on the output plane.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { exposeStore, newVisitor, PlaygroundPage, resultFile, storeState } from './pages.ts';

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

async function stepOnce(p: PlaygroundPage): Promise<void> {
  const before = (await storeState(p.page)).epoch;
  await p.button('Step').click();
  await expect.poll(async () => (await storeState(p.page)).epoch).toBe(before + 1);
}

const LINK =
  '#v=1&dataset=spiral&dataSeed=3&noise=5&samples=200&train=50&features=x,y,x2,y2&hidden=5,3&activation=relu' +
  '&init=he&seed=99&batch=7&optimizer=adam&lr=0.01&dropout=0.1&speed=100';

test('an exported experiment continues in a fresh page exactly as the original does', async ({
  page,
  browser,
  consoleProblems,
}) => {
  const a = new PlaygroundPage(page);
  await a.open(LINK);
  await a.playUntil(15);
  const file = await a.download('Export experiment');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(json).toMatchObject({ format: 'nn-playground-experiment', version: 1 });
  expect(json.trainer).toBeTruthy();
  const saved = await storeState(page);
  expect(json.epoch).toBe(saved.epoch);
  await stepOnce(a);
  await stepOnce(a);
  const original = await storeState(page);

  const other = await newVisitor(browser);
  const b = other.playground;
  await b.open();
  await b.importFile('experiment', file);
  await expect.poll(async () => (await storeState(other.page)).epoch).toBe(saved.epoch);
  const restored = await storeState(other.page);
  expect(restored.params).toEqual(saved.params);
  expect(restored.config).toEqual(saved.config);
  await stepOnce(b);
  await stepOnce(b);
  const continued = await storeState(other.page);
  expect(continued.epoch).toBe(original.epoch);
  expect(continued.params).toEqual(original.params);
  expect(continued.trainLoss).toBe(original.trainLoss);
  expect(continued.testLoss).toBe(original.testLoss);
  await expect(b.notices).toContainText('Opened experiment-');
  expect(other.problems).toEqual([]);
  await other.context.close();
  expect(consoleProblems).toEqual([]);
});

test('a file that is not an experiment is refused with a clear notice', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open();
  await p.importFile('experiment', resultFile('not-an-experiment.json', '{"hello": "world"}'));
  await expect(p.notices).toContainText('not-an-experiment.json: This is not an experiment file');
  expect(consoleProblems).toEqual([]);
});

test('CSV: errors name the line; good points become the custom dataset; export writes them back', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open();
  await p.importFile('csv', resultFile('bad-points.csv', 'x,y,label\n1,1,1\n2,oops,0\n9,0,1\n'));
  const notices = p.notices;
  await expect(notices).toContainText('Line 3: y "oops" is not a number');
  await expect(notices).toContainText('Line 4: the point (9, 0) lies outside the plane');

  const rows = ['x,y,label'];
  for (let i = 0; i < 40; i++) rows.push(`${(i % 10) - 4.5},${Math.floor(i / 10) - 1.5},${i % 2}`);
  await p.importFile('csv', resultFile('good-points.csv', `${rows.join('\n')}\n`));
  await expect.poll(async () => (await storeState(page)).config.points.length).toBe(40);
  expect((await storeState(page)).config.dataset).toBe('custom');
  await expect(notices).toContainText('Imported 40 points from good-points.csv');
  await expect.poll(() => page.url()).toContain('points=');

  const out = await p.download('Export CSV');
  expect(readFileSync(out, 'utf8')).toBe(`${rows.join('\n')}\n`);
  expect(consoleProblems).toEqual([]);
});

test('points too many for a link stay out of it, and the page says to use the file', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open();
  let s = 11;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 11.8 - 5.9;
  const rows = ['x,y,label'];
  for (let i = 0; i < 1500; i++) rows.push(`${rnd()},${rnd()},${i % 2}`);
  await p.importFile('csv', resultFile('many-points.csv', `${rows.join('\n')}\n`));
  await expect.poll(async () => (await storeState(page)).config.points.length).toBe(1500);
  await expect(p.notices).toContainText('Too many points for a link');
  await expect.poll(() => page.url()).toContain('points=file');
  expect(page.url().length).toBeLessThan(1500);
  // Back under the limit: the notice goes away and the points return to the link.
  await p.importFile('csv', resultFile('few-points.csv', 'x,y,label\n1,1,1\n-1,-1,0\n'));
  await expect.poll(async () => (await storeState(page)).config.points.length).toBe(2);
  await expect(p.notices).not.toContainText('Too many points for a link');
  await expect.poll(() => page.url()).toMatch(/points=[A-Za-z0-9+$-]{8,}/);
  expect(consoleProblems).toEqual([]);
});

test('Download PNG saves the decision boundary', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open();
  await p.button('Step').click();
  const file = await p.download('Download PNG');
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(600); // IHDR width: the 600 px plane and its axes
  expect(png.readUInt32BE(20)).toBeGreaterThan(600);
  expect(png.length).toBeGreaterThan(5000);
  expect(consoleProblems).toEqual([]);
});

test('drawing: a click adds a point of the chosen class, shift-click and the eraser remove', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open('#v=1&dataset=custom&points=IwOgrANATBwNwFpgQTADEA');
  expect((await storeState(page)).config.points).toHaveLength(2);
  await p.drawWith('Blue (positive)');
  await page.getByText('Drawing', { exact: true }).click(); // close the menu
  const plane = page.getByRole('img', { name: /Decision boundary/ });
  const box = (await plane.boundingBox())!;
  // Data (−3, 3): a quarter in from the left and the top.
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await expect.poll(async () => (await storeState(page)).config.points.length).toBe(3);
  const added = (await storeState(page)).config.points[2]!;
  expect(added.label).toBe(1);
  expect(added.x).toBeCloseTo(-3, 0);
  expect(added.y).toBeCloseTo(3, 0);
  await p.screenshot('share-drawn');
  await page.keyboard.down('Shift');
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await storeState(page)).config.points.length).toBe(2);
  await p.drawWith('Eraser');
  await page.getByText('Erasing', { exact: true }).click();
  // (1.5, 2) is the first linked point.
  await page.mouse.click(box.x + box.width * (7.5 / 12), box.y + box.height * (4 / 12));
  await expect.poll(async () => (await storeState(page)).config.points).toEqual([{ x: -1, y: -2, label: 0 }]);
  expect(consoleProblems).toEqual([]);
});

test('drawing on a generated dataset starts the custom dataset from its points, and the link holds them', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open('#v=1&dataset=spiral&samples=500');
  await p.drawWith('Orange (negative)');
  await page.getByText('Drawing', { exact: true }).click();
  const box = (await page.getByRole('img', { name: /Decision boundary/ }).boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.9);
  await expect.poll(async () => (await storeState(page)).config.points.length).toBe(501);
  const c = (await storeState(page)).config;
  expect(c.dataset).toBe('custom');
  expect(c.points.at(-1)!.label).toBe(0);
  await expect.poll(() => page.url()).toMatch(/points=[A-Za-z0-9+$-]{100,}/);
  expect(page.url()).not.toContain('points=file');
  await p.screenshot('share-drawn-on-spiral');
  expect(consoleProblems).toEqual([]);
});
