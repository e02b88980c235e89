import { test, expect } from './fixtures.ts';

test('the built app renders its title with a clean console', async ({ page, consoleProblems }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Neural Network Playground');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neural Network Playground');
  await page.screenshot({ path: 'test-results/smoke.png', fullPage: true });
  expect(consoleProblems).toEqual([]);
});

test('a message makes the round trip to the training worker and back', async ({ page, consoleProblems }) => {
  await page.goto('/');
  await expect(page.getByTestId('worker-status')).toHaveText('Training worker: ready');
  expect(consoleProblems).toEqual([]);
});
