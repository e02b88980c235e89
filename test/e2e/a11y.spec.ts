import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

for (const theme of ['Light', 'Dark', 'Projector'] as const) {
  test(`axe finds no violations in the ${theme.toLowerCase()} theme`, async ({ page, consoleProblems }) => {
    const app = new PlaygroundPage(page);
    await app.open();
    await app.setTheme(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await app.button('Step').click();
    await expect(app.epoch).toHaveText('000,001');
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    expect(summary).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
}
