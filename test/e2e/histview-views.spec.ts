/**
 * Viewing a checkpoint shows that epoch everywhere the page says so: the top bar's numbers, the
 * confusion matrix, the table and the weights are those the run had at that epoch (read from the
 * same run when it was there), not the live run's; opening the weight editor goes back to live.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { exposeStore, PlaygroundPage, stepTo } from './pages.ts';

// The XOR truth table (4 points: a table view), half of them for testing (a confusion matrix of the test set).
const LINK = '#v=1&dataset=xorTable&train=50&hidden=3&activation=tanh&seed=5&batch=1&lr=0.1&speed=max';

test.beforeEach(async ({ page }) => {
  await exposeStore(page);
});

/** What the page shows of the run: the top bar's numbers, the confusion counts and the table's outputs. */
async function shown(page: Page) {
  // The confusion matrix is redrawn at most every 250 ms (App.tsx ConfusionContainer): let it catch up.
  await page.waitForTimeout(400);
  return {
    epoch: await page.getByTestId('epoch').textContent(),
    trainLoss: await page.getByTestId('train-loss').textContent(),
    testLoss: await page.getByTestId('test-loss').textContent(),
    confusion: await page.locator('.confusion-panel tbody').textContent(),
    correct: (await page.locator('.confusion-panel caption').textContent())?.replace(/^.*: /, ''),
    table: await page.getByTestId('table-output').allTextContents(),
  };
}

test('a viewed epoch shows its own numbers in the top bar, the confusion matrix and the table', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(LINK);
  await stepTo(page, 10, 10);
  await expect(page.getByTestId('run-status')).toContainText('paused, epoch 10');
  const atTen = await shown(page);
  const paramsAtTen = await page.evaluate(() => Array.from(window.__playground!.getState().snapshot!.params));
  const countsAtTen = await page.evaluate(() => Array.from(window.__playground!.getState().snapshot!.confusion!));
  await stepTo(page, 190, 200);
  await expect(page.getByTestId('run-status')).toContainText('paused, epoch 200');
  const live = await shown(page);
  // The test can fail: the run has moved on since epoch 10.
  expect(live.table).not.toEqual(atTen.table);
  expect(live.trainLoss).not.toBe(atTen.trainLoss);

  const slider = page.getByLabel('Timeline', { exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-status')).toContainText('Viewing epoch 10');
  await expect(page.getByTestId('stats')).toContainText('Viewed epoch');
  await expect(page.getByTestId('epoch')).toHaveText(atTen.epoch!);
  expect(await shown(page)).toEqual(atTen);
  await expect(page.locator('.confusion-panel caption')).toContainText('at epoch 10');
  await expect(page.locator('.table-panel caption')).toContainText('output at epoch 10');
  // The network shows epoch 10's weights, exactly.
  const viewed = await page.evaluate(() => Array.from(window.__timeline!.getState().viewing!.params));
  expect(viewed).toEqual(paramsAtTen);
  expect(await page.evaluate(() => Array.from(window.__timeline!.getState().viewing!.confusion!))).toEqual(countsAtTen);

  // The weight editor edits the live run: opening it goes back to live and shows the live value.
  // (While paused, a first click on a unit shows its equation card; a second opens the editor.)
  await page.getByTestId('node-output').click();
  await expect(page.getByTestId('unit-card')).toBeVisible();
  await page.getByTestId('node-output').click();
  await expect(page.getByRole('dialog', { name: /^Bias of/ })).toBeVisible();
  await expect(page.getByTestId('timeline-status')).toHaveText('Live');
  await expect(page.getByTestId('stats')).not.toContainText('Viewed epoch');
  const liveBias = await page.evaluate(() => {
    const s = window.__playground!.getState();
    return s.snapshot!.params[s.runInfo!.layers.at(-1)!.bOffset]!;
  });
  await expect(page.getByRole('dialog').getByRole('textbox')).toHaveValue(String(Number(liveBias.toPrecision(4))));
  await page.keyboard.press('Escape');
  expect(await shown(page)).toEqual(live);
  expect(consoleProblems).toEqual([]);
});
