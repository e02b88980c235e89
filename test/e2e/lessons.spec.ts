/**
 * The built-in lessons 1–8, played end to end in a real browser: each step done the way its text
 * tells a student (press Play, Add layer, turn on x², pick Momentum...), each task's "✓ Done"
 * reached, Back/Next and "Step 2 of 6". Lessons 9–10 ("Under the hood") are lessons-hood.spec.ts.
 */
import { test, expect } from './fixtures.ts';
import { LessonPlayer } from './lessonSteps.ts';

test.describe.configure({ timeout: 180_000 });

test('1. The article’s network cannot learn XOR', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('cannot learn XOR', 3);
  await l.expectNotDone();
  await l.play();
  await l.done();
  // Every output stays at 0.5 (the table's outputs).
  const outputs = await page.locator('.table-panel td:last-child').allTextContents();
  expect(outputs.length).toBe(4);
  for (const o of outputs) expect(Number(o)).toBeCloseTo(0.5, 2);
  await l.next(2, 3);
  await expect(l.panel.locator('.md-math math').first()).toBeVisible();
  await l.panel.getByRole('button', { name: 'Back' }).click();
  await expect(l.count).toHaveText('Step 1 of 3');
  await l.next(2, 3);
  await l.next(3, 3);
  await l.expectNotDone();
  await page.getByRole('button', { name: 'Add layer' }).click();
  expect((await l.config()).hidden).toEqual([2]);
  await l.play();
  await l.done();
  await l.finish();
});

test('2. Features or layers', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Features or layers', 3);
  await l.play();
  await l.done();
  await l.next(2, 3);
  await page.locator('[data-control="x2"] input').check();
  await page.locator('[data-control="y2"] input').check();
  await l.play();
  await l.done();
  await l.next(3, 3);
  expect((await l.config()).features).toEqual(['x', 'y']);
  await page.getByRole('button', { name: 'Add layer' }).click();
  await page.getByRole('button', { name: 'Add unit to layer 1' }).click();
  await page.getByRole('button', { name: 'Add unit to layer 1' }).click();
  expect((await l.config()).hidden).toEqual([4]);
  await l.play();
  await l.done();
  await l.finish();
});

test('3. The learning rate', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('The learning rate', 3);
  await l.play();
  await l.done();
  await l.next(2, 3);
  await l.select('Learning rate', '0.03');
  await l.play();
  await l.done();
  await l.next(3, 3);
  await l.select('Learning rate', '3');
  await l.play();
  await l.done();
  await expect(page.getByTestId('run-alert')).toContainText('Diverged');
  await l.finish();
});

test('4. Overfitting', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Overfitting', 4);
  await l.play();
  await l.done();
  await l.next(2, 4);
  await l.select('Regularization', 'L2');
  await l.play();
  await l.done();
  await l.next(3, 4);
  await page.locator('.hyper-panel summary', { hasText: 'Advanced' }).click();
  await l.slide('Dropout', 0.5);
  await expect.poll(async () => (await l.config()).dropout).toBe(0.5);
  await l.play();
  await l.done();
  await l.next(4, 4);
  // Stop early: at a modest speed the learner can press Pause while the test loss is low.
  await page.evaluate(() => window.__playground!.getState().setSpeed(30));
  await l.play();
  await l.done();
  await l.finish();
});

test('5. Optimizers', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Optimizers', 3);
  await l.play();
  await l.done();
  await l.next(2, 3);
  await l.select('Optimizer', 'Momentum');
  await l.play();
  await l.done();
  await l.next(3, 3);
  await l.select('Optimizer', 'Adam');
  await l.play();
  await l.done();
  await l.finish();
});

test('6. Activations and depth', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Activations and depth', 3);
  await l.play();
  await l.done();
  await l.next(2, 3);
  await l.select('Activation', 'Tanh');
  await l.play();
  await l.done();
  await l.next(3, 3);
  await l.select('Activation', 'ReLU');
  await l.play();
  await l.done();
  await l.finish();
});

test('7. More than two classes', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('More than two classes', 3);
  await l.play();
  await l.done();
  await l.next(2, 3);
  await l.slide('Classes', 5);
  await expect.poll(async () => (await l.config()).classes).toBe(5);
  await l.play();
  await l.done();
  await l.next(3, 3);
  await expect(page.getByRole('region', { name: 'Lesson' }).getByText('Confusion matrix')).toBeVisible();
  await l.finish();
});

test('8. Regression', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Regression', 3);
  await l.play();
  await l.done();
  await l.next(2, 3);
  await l.play();
  await l.done();
  await l.next(3, 3);
  expect((await l.config()).dataset).toBe('custom');
  await l.play();
  await page.waitForTimeout(500);
  await l.expectNotDone();
  await l.select('Loss', 'Huber');
  await expect(l.app.playButton).toHaveText(/Pause/);
  await l.done();
  await l.finish();
});
