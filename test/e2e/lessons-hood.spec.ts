/**
 * Lessons 9 and 10 use "Under the hood" (branches hoodstep and hoodcheck, names from
 * CONTRACTS.md). They pass once the coordinator has merged those branches and wired
 * src/lessons/apply.ts to useHood / setBreak; before that the hood's buttons do not exist.
 */
import { test, expect } from './fixtures.ts';
import { LessonPlayer } from './lessonSteps.ts';

test.describe.configure({ timeout: 180_000 });

test('9. Backprop by hand', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Backprop by hand', 4);
  await l.expectNotDone();
  await page.locator('[data-control="explain"]').click();
  const hood = page.getByRole('region', { name: 'Under the hood' });
  await expect(hood).toBeVisible();
  await l.done();
  const phase = hood.getByTestId('hood-phase');
  const nextUntil = async (word: RegExp) => {
    for (let i = 0; i < 40 && !word.test((await phase.textContent()) ?? ''); i++)
      await hood.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(phase).toHaveText(word);
  };
  await l.next(2, 4);
  await nextUntil(/^Loss/);
  await l.done();
  await l.next(3, 4);
  await nextUntil(/^Backward/);
  await l.done();
  await l.next(4, 4);
  await nextUntil(/^Update/);
  await l.done();
  await l.finish();
});

test('10. Find the bug', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('Find the bug', 4);
  await expect(page.getByText('Backprop is broken on purpose')).toBeVisible();
  await l.play();
  await l.done();
  await l.next(2, 4);
  const hood = page.getByRole('region', { name: 'Under the hood' });
  await expect(hood.getByRole('tab', { name: 'Gradient check' })).toHaveAttribute('aria-selected', 'true');
  await hood.getByRole('button', { name: 'Check gradients' }).click();
  await expect(hood.getByTestId('gradcheck-verdict')).toBeVisible();
  await l.done();
  await l.next(3, 4);
  await l.expectNotDone();
  await page.getByRole('button', { name: 'Fix it' }).click();
  await l.done();
  await l.next(4, 4);
  await expect(page.getByText('Backprop is broken on purpose')).toHaveCount(0);
  await l.play();
  await l.done();
  await l.finish();
});
