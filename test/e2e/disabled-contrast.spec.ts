/**
 * Disabled and at-limit buttons are greyed by theme colours, not by opacity, so their labels keep
 * WCAG AA contrast: axe's color-contrast rule finds nothing with "Remove layer" at its limit (no
 * hidden layer left) and a lesson's "Back" disabled on step 1, in the light, dark and projector themes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { LessonPlayer } from './lessonSteps.ts';
import { PlaygroundPage } from './pages.ts';

test('disabled and at-limit buttons pass axe colour contrast in every theme', async ({ page, consoleProblems }) => {
  const l = new LessonPlayer(page);
  const p = new PlaygroundPage(page);
  await l.open();
  await l.start('Optimizers', 3);
  const back = l.panel.getByRole('button', { name: 'Back' });
  await expect(back).toBeDisabled();
  const remove = p.button('Remove layer');
  while (!(await remove.evaluate((b) => b.classList.contains('at-limit')))) await remove.click();
  expect(await p.hiddenSizes()).toEqual([]);
  for (const theme of ['Light', 'Dark', 'Projector'] as const) {
    await p.setTheme(theme);
    for (const b of [remove, back]) {
      const style = await b.evaluate((el) => ({
        opacity: getComputedStyle(el).opacity,
        cursor: getComputedStyle(el).cursor,
      }));
      expect(style).toEqual({ opacity: '1', cursor: 'not-allowed' });
    }
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(
      results.violations.flatMap((v) =>
        v.nodes.map((n) => `${theme}: ${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      ),
    ).toEqual([]);
    await p.screenshot(`disabled-contrast-${theme.toLowerCase()}`);
  }
  expect(consoleProblems).toEqual([]);
});
