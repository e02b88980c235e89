/**
 * The article's XOR in the built app (issue 10): its own network (no hidden layer, a sigmoid
 * output trained with squared error, learning rate 1, full batch, all four rows) ends with every
 * output at 0.5; one hidden layer of 4 sigmoid units learns the table. Read from the table view.
 * Also: the speed slider moves along its log scale with the keyboard, Max last.
 */
import { expect, test } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

const ARTICLE =
  '#v=1&dataset=xorTable&features=x,y&hidden=&activation=sigmoid&problem=classification&loss=mse&output=sigmoid' +
  '&init=uniform&seed=1&batch=all&optimizer=sgd&lr=1&train=100&speed=max';

async function outputsAfter(app: PlaygroundPage, epochs: number): Promise<number[]> {
  await app.playButton.click();
  await expect.poll(() => app.epochNumber(), { timeout: 40_000 }).toBeGreaterThanOrEqual(epochs);
  await app.playButton.click();
  await expect(app.playButton).toHaveText(/Play/);
  const cells = app.page.getByTestId('table-output');
  await expect(cells).toHaveCount(4);
  return (await cells.allTextContents()).map((t) => Number(t.replace('−', '-')));
}

test("the article's network ends at 0.5 on every row; a hidden layer of 4 learns XOR", async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(120_000);
  const app = new PlaygroundPage(page);
  await app.open(ARTICLE);
  await expect(app.notices).toHaveCount(0);
  // The table: four rows, targets 0 1 1 0 (sigmoid), outputs to 4 decimals.
  const rows = page.locator('.table-view tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toHaveText(/^011\d\.\d{4}$/);
  const flat = await outputsAfter(app, 10_000);
  for (const o of flat) expect(Math.abs(o - 0.5)).toBeLessThan(0.01);
  // No test set: the test loss shows a dash; the confusion matrix counts the training set.
  await expect(app.testLoss).toHaveText('–');
  await expect(page.getByText(/^Training set \(there is no test set\)/)).toBeVisible();
  // The legend of a sigmoid output runs from 0 to 1.
  await expect(page.locator('.output-view .legend > span').first()).toHaveText('0');

  await page.goto('about:blank');
  await app.open(ARTICLE.replace('&hidden=&', '&hidden=4&'));
  const learnt = await outputsAfter(app, 10_000);
  const targets = [0, 1, 1, 0];
  learnt.forEach((o, i) => expect(Math.abs(o - targets[i]!)).toBeLessThan(0.1));
  expect(consoleProblems).toEqual([]);
});

test('the speed slider steps along its log scale with the keys, Max last; the default is watchable', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const speed = page.getByRole('slider', { name: 'Speed' });
  await expect(speed).toHaveAttribute('aria-valuetext', '30/s');
  await speed.focus();
  await speed.press('ArrowRight');
  await expect(speed).toHaveAttribute('aria-valuetext', '50/s');
  await speed.press('End');
  await expect(speed).toHaveAttribute('aria-valuetext', 'Max');
  await speed.press('Home');
  await expect(speed).toHaveAttribute('aria-valuetext', '1/s');
  await app.setSpeed('30/s');
  // About 30 epochs a second: after a second of play the default experiment is far from 1,000 epochs.
  await app.playButton.click();
  await page.waitForTimeout(1000);
  await app.playButton.click();
  const epoch = await app.epochNumber();
  expect(epoch).toBeGreaterThan(5);
  expect(epoch).toBeLessThan(100);
  expect(consoleProblems).toEqual([]);
});
