/**
 * The Code panel in a real browser: the downloaded .py, run with python3, prints the losses the
 * page recorded (read from the experiment file the page exports); the panel follows the settings,
 * offers the article's network and its diff, and axe finds nothing in the light and projector
 * themes with it open. Screenshots of the panel go to the results folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage } from './pages.ts';

const LINK =
  '#v=1&dataset=spiral&dataSeed=3&noise=5&samples=200&train=50&features=x,y,x2,y2&hidden=5,3&activation=relu' +
  '&init=he&seed=99&batch=7&optimizer=adam&lr=0.01&speed=100';

async function openCode(p: PlaygroundPage) {
  await p.page.locator('[data-control="code"]').click();
  const region = p.page.getByRole('region', { name: 'Code' });
  await expect(region.getByRole('tab', { name: 'NumPy' })).toBeVisible();
  return region;
}

/** The article's fix: one hidden layer of 4 units (Add layer gives 2). */
async function addHiddenLayerOf4(p: PlaygroundPage) {
  await p.button('Add layer').click();
  await p.page.getByRole('button', { name: 'Add unit to layer 1' }).click();
  await p.page.getByRole('button', { name: 'Add unit to layer 1' }).click();
  await expect.poll(() => p.hiddenSizes()).toEqual([4]);
}

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

test('the downloaded .py prints the losses the page recorded', async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open(LINK);
  await p.playUntil(12);
  const file = await p.download('Export experiment');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    history: { epoch: number; trainLoss: number | null; testLoss: number | null; n?: number }[];
  };
  const region = await openCode(p);
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: 'Download .py' }).click(),
  ]);
  expect(d.suggestedFilename()).toBe('run.py');
  const py = await d.path();
  const out = execFileSync('python3', [py], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const printed = new Map<number, [number, number]>();
  for (const m of out.matchAll(/^epoch (\d+) train_loss (\S+) test_loss (\S+)$/gm))
    printed.set(Number(m[1]), [Number(m[2]), Number(m[3])]);
  const recorded = saved.history.filter((h) => (h.n ?? 1) === 1 && h.trainLoss !== null && h.testLoss !== null);
  expect(recorded.length).toBeGreaterThanOrEqual(12);
  for (const h of recorded) {
    const [train, test] = printed.get(h.epoch)!;
    expect(Math.abs(train - h.trainLoss!) / h.trainLoss!, `epoch ${h.epoch}`).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(test - h.testLoss!) / h.testLoss!, `epoch ${h.epoch}`).toBeLessThanOrEqual(1e-9);
  }
  expect(consoleProblems).toEqual([]);
});

test("the panel follows the settings; the article's network and its fix", async ({ page, consoleProblems }) => {
  const p = new PlaygroundPage(page);
  await p.open();
  const region = await openCode(p);
  const code = region.getByRole('tabpanel');
  await expect(code).toContainText('def tanh(z)');
  await expect(code).not.toContainText('BETA1');
  await p.select('Optimizer', 'Adam');
  await expect(code).toContainText('BETA1');
  await region.getByRole('tab', { name: 'TypeScript' }).click();
  await expect(code).toContainText('function mulberry32(seed: number)');
  await region.getByRole('tab', { name: 'NumPy' }).click();

  await region.locator('[data-control="article-preset"]').click();
  await expect(code).toContainText('l1 = sigmoid(z1)');
  await expect(code).toContainText('EPOCHS = 10000');
  await expect(region.getByTestId('code-diff')).toHaveCount(0);
  await addHiddenLayerOf4(p);
  const diff = region.getByTestId('code-diff');
  await expect(diff).toContainText("What changed since the article's network");
  await expect(diff).toContainText('z2 = l1 @ syn1 + b1');
  expect(consoleProblems).toEqual([]);
});

for (const theme of ['Light', 'Projector'] as const) {
  test(`axe finds nothing with the Code panel open (${theme.toLowerCase()})`, async ({ page, consoleProblems }) => {
    const p = new PlaygroundPage(page);
    await p.open();
    await p.setTheme(theme);
    const region = await openCode(p);
    await region.locator('[data-control="article-preset"]').click();
    await addHiddenLayerOf4(p);
    await expect(region.getByTestId('code-diff')).toBeVisible();
    await region.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/codegen-panel-${theme.toLowerCase()}.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    ).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
}
