/**
 * Lessons in the browser beyond playing them: a teacher's lesson made with New lesson, copied as
 * a link and opened in a fresh page (round trip), downloaded and opened as a file; hostile lesson
 * links stay inert with a notice; axe finds nothing with the panel open.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { LessonPlayer } from './lessonSteps.ts';
import { RESULTS } from './pages.ts';

test('a teacher’s lesson round-trips through its link and its file', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const l = new LessonPlayer(page);
  await l.open();
  await page.getByRole('radio', { name: 'Spiral', exact: true }).check();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await l.panel.getByRole('button', { name: 'New lesson' }).click();
  await l.panel.getByLabel('Lesson title').fill('Spiral homework');
  await l.panel.getByLabel('Text').fill('Press **Play** on the spiral. <script>window.__pwned = 1</script>');
  await l.panel.getByLabel('Question (optional)').fill('Where is it hardest?');
  await l.panel.getByRole('button', { name: 'Add a condition' }).click();
  await l.panel.getByLabel('Condition 1', { exact: true }).selectOption({ label: 'Epoch at least …' });
  await l.panel.getByLabel('Value of condition 1').fill('20');
  await page.getByRole('radio', { name: 'Moons', exact: true }).check();
  await l.panel.getByRole('button', { name: 'Add the current state as a step' }).click();
  await l.panel.getByLabel('Text').fill('Now the moons.');
  await l.panel.getByRole('button', { name: 'Copy lesson link' }).click();
  await expect(l.panel.getByTestId('lesson-copy-status')).toHaveText('Lesson link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\?lesson=[A-Za-z0-9+\-$]+$/);

  // Someone else opens the link: the lesson, at step 1, with its experiment.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  const l2 = new LessonPlayer(p2);
  await l2.open(url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(l2.count).toHaveText('Step 1 of 2');
  await expect(l2.panel.getByRole('heading', { name: 'Spiral homework' })).toBeVisible();
  await expect(l2.panel.getByText('<script>window.__pwned = 1</script>')).toBeVisible();
  expect(await p2.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect((await l2.config()).dataset).toBe('spiral');
  await expect(l2.panel.getByTestId('lesson-task')).toContainText('Epoch at least 20');
  await l2.play();
  await l2.done();
  await l2.next(2, 2);
  expect((await l2.config()).dataset).toBe('moons');
  // Leaving the lesson takes it out of the address (a reload does not reopen it).
  await l2.panel.getByRole('button', { name: 'Leave the lesson' }).click();
  expect(p2.url()).not.toContain('lesson=');
  await other.close();

  // The file: download, then open it from the list.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    l.panel.getByRole('button', { name: 'Download lesson' }).click(),
  ]);
  const path = `${RESULTS}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  expect(download.suggestedFilename()).toBe('lesson-spiral-homework.json');
  await l.panel.getByRole('button', { name: 'Done' }).click();
  await l.panel.getByTestId('open-lesson-file').setInputFiles(path);
  await expect(l.count).toHaveText('Step 1 of 2');
  expect((await l.config()).dataset).toBe('spiral');
});

test('hostile and broken lesson links are inert and say why', async ({ page }) => {
  const l = new LessonPlayer(page);
  // Not lz-string at all.
  await l.open('/?lesson=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await expect(page.getByRole('list', { name: 'Notices' })).toContainText('Could not open the lesson link');
  await expect(l.panel.getByRole('button', { name: 'New lesson' })).toBeVisible();
  expect(page.url()).not.toContain('lesson=');
});

test('axe finds no violations with the lesson panel open (a lesson, and the editor)', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  // (Disabled and at-limit buttons have their own contrast check: disabled-contrast.spec.ts.)
  await l.start('Optimizers', 3);
  await l.next(2, 3);
  const scan = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  };
  expect(await scan()).toEqual([]);
  await l.panel.getByRole('button', { name: 'Leave the lesson' }).click();
  await l.panel.getByRole('button', { name: 'New lesson' }).click();
  await l.panel.getByRole('button', { name: 'Add a condition' }).click();
  expect(await scan()).toEqual([]);
});
