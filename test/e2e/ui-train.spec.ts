import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

test.describe.configure({ timeout: 90_000 });

test('train XOR from the page until the shown test loss is under 0.05', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.pickDataset('XOR');
  // Only x and y as inputs: the hidden layers must learn the XOR themselves.
  await expect(page.getByRole('checkbox', { name: 'x', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'y', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'xy' })).not.toBeChecked();
  await app.select('Activation', 'Tanh');
  await app.select('Learning rate', '0.03');
  await expect(app.epoch).toHaveText('000,000');
  await app.playButton.click();
  await expect(app.button('Pause')).toBeVisible();
  await expect.poll(async () => app.testLossNumber(), { timeout: 60_000, intervals: [250] }).toBeLessThan(0.05);
  await app.button('Pause').click();
  await expect(app.button('Play')).toBeVisible();
  expect(await app.epochNumber()).toBeGreaterThan(0);
  await app.screenshot('ui-xor-trained');
  expect(consoleProblems).toEqual([]);
});

test('change the learning rate mid-run: training goes on, nothing resets', async ({ page, consoleProblems }) => {
  await page.addInitScript(() => {
    window.__PLAYGROUND_TEST__ = true;
  });
  const app = new PlaygroundPage(page);
  await app.open();
  await app.setSpeed('100/s');
  await app.playButton.click();
  await expect.poll(() => app.epochNumber(), { timeout: 10_000 }).toBeGreaterThan(20);
  const runId = await page.evaluate(() => window.__playground!.getState().runId);
  await app.select('Learning rate', '0.3');
  const at = await app.epochNumber();
  await expect.poll(() => app.epochNumber(), { timeout: 10_000 }).toBeGreaterThan(at + 20);
  expect(await page.evaluate(() => window.__playground!.getState().config.learningRate)).toBe(0.3);
  expect(await page.evaluate(() => window.__playground!.getState().runId)).toBe(runId);
  await expect(app.button('Pause')).toBeVisible();
  // A typed rate too
  await app.select('Learning rate', 'Other…');
  await page.getByLabel('Type a learning rate').fill('0.05');
  await page.getByLabel('Type a learning rate').press('Enter');
  expect(await page.evaluate(() => window.__playground!.getState().config.learningRate)).toBe(0.05);
  const at2 = await app.epochNumber();
  await expect.poll(() => app.epochNumber(), { timeout: 10_000 }).toBeGreaterThan(at2 + 10);
  expect(await page.evaluate(() => window.__playground!.getState().runId)).toBe(runId);
  expect(consoleProblems).toEqual([]);
});

test('keyboard: Space plays and pauses, S steps, R resets; typing in a field does not', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('s');
  await expect(app.epoch).toHaveText('000,001');
  await page.keyboard.press('S');
  await expect(app.epoch).toHaveText('000,002');
  await page.keyboard.press('Space');
  await expect(app.button('Pause')).toBeVisible();
  await expect.poll(() => app.epochNumber()).toBeGreaterThan(5);
  await page.keyboard.press('Space');
  await expect(app.button('Play')).toBeVisible();
  await page.keyboard.press('r');
  await expect(app.epoch).toHaveText('000,000');
  // In the learning-rate field, letters and Space are text.
  await app.select('Learning rate', 'Other…');
  const field = page.getByLabel('Type a learning rate');
  await field.click();
  await field.press('s');
  await field.press('Space');
  await expect(field).toHaveValue('0.03s ');
  await expect(app.epoch).toHaveText('000,000');
  await expect(app.button('Play')).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('a learning rate of 10 diverges: the page says so, and its fix (a lower rate, then Reset) recovers', async ({
  page,
  consoleProblems,
}) => {
  await page.addInitScript(() => {
    window.__PLAYGROUND_TEST__ = true;
  });
  const app = new PlaygroundPage(page);
  await app.open();
  // A linear network on the regression plane with a rate of 10: the weights blow up in a few epochs.
  await app.pickDataset('Plane');
  await app.select('Activation', 'Linear');
  await app.select('Learning rate', '10');
  await app.playButton.click();
  await expect(page.getByTestId('run-alert')).toHaveText('Diverged: lower the learning rate, then Reset', {
    timeout: 20_000,
  });
  await expect(page.getByRole('status')).toContainText('Training diverged');
  await expect(app.button('Play')).toBeVisible();
  // The notice offers the fix: a learning rate 10× lower, then a fresh run.
  await app.notices.getByRole('button', { name: 'Lower the learning rate to 1 and reset', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__playground!.getState().config.learningRate)).toBe(1);
  await expect(page.getByTestId('run-alert')).toHaveCount(0);
  await expect(app.epoch).toHaveText('000,000');
  await app.button('Step').click();
  await expect(app.epoch).toHaveText('000,001');
  expect(consoleProblems).toEqual([]);
});
