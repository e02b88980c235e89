/**
 * Links and files in a real browser: a link reproduces the run, the address follows the
 * settings, "Copy link" confirms, embed links hide what they name, files and CSV round-trip.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { exposeStore, newVisitor, PlaygroundPage, storeState } from './pages.ts';

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

const LINK =
  '#v=1&dataset=spiral&dataSeed=7&noise=10&samples=300&train=60&classes=3&features=x,y,sinX,sinY&hidden=6,4' +
  '&activation=tanh&problem=classification&loss=mse&init=xavier&seed=12345&batch=8&optimizer=adam&lr=0.01' +
  '&momentum=0.9&reg=l2&regRate=0.001&dropout=0&schedule=constant&clip=0&speed=100&showTest=1&discretize=0&theme=light';

test('a link reproduces the same initial weights and the same loss at every epoch after Play', async ({
  page,
  browser,
  consoleProblems,
}) => {
  const a = new PlaygroundPage(page);
  await a.open(LINK);
  await expect.poll(async () => (await storeState(page)).params !== null).toBe(true);
  const startA = await storeState(page);
  expect(startA.config).toMatchObject({ dataset: 'spiral', hidden: [6, 4], seed: 12345, optimizer: 'adam' });
  expect(startA.notices).toEqual([]);
  await a.playUntil(30);
  const runA = await storeState(page);

  const other = await newVisitor(browser);
  const b = other.playground;
  await b.open(LINK);
  await expect.poll(async () => (await storeState(other.page)).params !== null).toBe(true);
  const startB = await storeState(other.page);
  expect(startB.params).toEqual(startA.params);
  await b.playUntil(30);
  const runB = await storeState(other.page);
  const common = Math.min(runA.history.length, runB.history.length);
  expect(common).toBeGreaterThanOrEqual(30);
  expect(runB.history.slice(0, common)).toEqual(runA.history.slice(0, common));
  const trained = runA.history.filter((h) => h.epoch >= 1 && h.epoch <= 30);
  expect(trained.length).toBe(30);
  for (const h of trained) expect(typeof h.batchLoss).toBe('number');
  expect(other.problems).toEqual([]);
  await other.context.close();
  expect(consoleProblems).toEqual([]);
});

test('the address follows the settings (debounced replaceState) and reloads to the same experiment', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open();
  const before = await page.evaluate(() => history.length);
  await page.getByRole('radio', { name: 'Spiral', exact: true }).check({ force: true });
  await p.select('Activation', 'ReLU');
  await expect.poll(() => page.url()).toContain('activation=relu');
  expect(page.url()).toContain('dataset=spiral');
  expect(page.url()).toMatch(/#v=1&/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.reload();
  await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
  const s = await storeState(page);
  expect(s.config).toMatchObject({ dataset: 'spiral', activation: 'relu' });
  expect(consoleProblems).toEqual([]);
});

test('a link typed into the address bar of an open page opens that experiment', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open();
  await page.evaluate(() => {
    window.location.hash = '#v=1&dataset=gauss&hidden=3&lr=fast';
  });
  await expect.poll(async () => (await storeState(page)).config.dataset).toBe('gauss');
  expect((await storeState(page)).config).toMatchObject({ hidden: [3], learningRate: 0.03 });
  await expect(p.notices).toContainText('Learning rate: "fast" is not a number');
  expect(await p.hiddenSizes()).toEqual([3]);
  expect(consoleProblems).toEqual([]);
});

test('"Copy link" puts the link on the clipboard and says so', async ({ page, context, consoleProblems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const p = new PlaygroundPage(page);
  await p.open('#v=1&dataset=xor&hidden=3');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v=1&dataset=xor&/);
  expect(copied).toContain('hidden=3&');
  await p.screenshot('share-copied');
  await expect(page.getByTestId('copy-status')).toBeEmpty({ timeout: 5000 });
  expect(consoleProblems).toEqual([]);
});

test('a TF Playground link opens the same experiment with a notice', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open(
    '#activation=relu&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=5,3&seed=0.45454&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&learningRate_hide=true',
  );
  const s = await storeState(page);
  expect(s.config).toMatchObject({ dataset: 'xor', activation: 'relu', hidden: [5, 3], features: ['x', 'y', 'xy'] });
  await expect(p.notices).toContainText('TensorFlow Playground');
  expect(await p.hiddenSizes()).toEqual([5, 3]);
  await expect.poll(() => page.url()).toContain('#v=1&dataset=xor');
  expect(page.url()).toContain('hide=learningRate');
  expect(consoleProblems).toEqual([]);
});

test('embed links show only the chosen views and hide named controls', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open('#v=1&dataset=circle&views=output,loss&embed=1&hide=play,speed');
  await expect(page.getByRole('region', { name: 'Output' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Data' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Network' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(p.playButton).toBeHidden();
  await expect(page.getByLabel('Speed', { exact: true })).toBeHidden();
  await expect(p.button('Step')).toBeVisible();
  await expect(page.getByLabel('Theme', { exact: true })).toBeVisible();
  await p.screenshot('share-embed');
  expect(consoleProblems).toEqual([]);
});

test('a classroom link hides single controls (TF-style _hide) and sets the projector theme', async ({
  page,
  consoleProblems,
}) => {
  const p = new PlaygroundPage(page);
  await p.open('#v=1&theme=projector&learningRate_hide=true&hide=activation,noise,x2,regenerate');
  await expect(page.getByRole('region', { name: 'Hyperparameters' })).toBeVisible();
  await expect(page.getByLabel('Learning rate', { exact: true })).toBeHidden();
  await expect(page.getByLabel('Activation', { exact: true })).toBeHidden();
  await expect(page.getByLabel('Optimizer', { exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Noise' })).toBeHidden();
  await expect(page.getByRole('slider', { name: 'Batch size' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'x²' })).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'y²' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
  await p.screenshot('share-classroom');
  expect(consoleProblems).toEqual([]);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`share tools: open menus and notices pass axe (${theme.toLowerCase()}), screenshots`, async ({
    page,
    consoleProblems,
  }) => {
    const p = new PlaygroundPage(page);
    await p.open('#v=1&lr=NaN');
    await p.setTheme(theme);
    await expect(p.notices).toContainText('Learning rate');
    await p.openFileMenu();
    await expect(page.getByRole('button', { name: 'Export experiment' })).toBeVisible();
    await p.screenshot(`share-file-menu-${theme.toLowerCase()}`);
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Export experiment' })).toBeHidden();
    await p.drawWith('Orange (negative)');
    await p.screenshot(`share-draw-menu-${theme.toLowerCase()}`);
    results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('region', { name: 'Training' }).click({ position: { x: 5, y: 5 } });
    await expect(page.getByRole('radio', { name: 'Eraser' })).toBeHidden();
    expect(consoleProblems).toEqual([]);
  });
}
