import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

test('add and remove layers and units: the diagram follows', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const hidden = page.getByTestId('node-hidden');
  await expect(hidden).toHaveCount(6);
  expect(await app.hiddenSizes()).toEqual([4, 2]);

  await app.button('Add layer').click();
  await expect(hidden).toHaveCount(8);
  expect(await app.hiddenSizes()).toEqual([4, 2, 2]);
  await expect(page.getByTestId('layer-count')).toHaveText('3 hidden layers');

  await app.button('Add unit to layer 3').click();
  await app.button('Add unit to layer 3').click();
  await expect(hidden).toHaveCount(10);
  await app.button('Remove unit from layer 1').click();
  await expect(hidden).toHaveCount(9);
  expect(await app.hiddenSizes()).toEqual([3, 2, 4]);

  await app.button('Remove layer').click();
  await app.button('Remove layer').click();
  await expect(hidden).toHaveCount(3);
  await app.button('Remove layer').click();
  await expect(hidden).toHaveCount(0);
  await expect(page.getByTestId('node-output')).toHaveCount(1);
  await app.button('Remove layer').click();
  await expect(page.getByTestId('limit-message')).toHaveText('There are no hidden layers to remove.');
  await expect(page.getByRole('status')).toHaveText('There are no hidden layers to remove.');

  await app.button('Add layer').click();
  await expect(page.getByTestId('limit-message')).toHaveCount(0);
  for (let i = 0; i < 14; i++) await app.button('Add unit to layer 1').click();
  await expect(hidden).toHaveCount(16);
  await app.button('Add unit to layer 1').click();
  await expect(page.getByTestId('limit-message')).toHaveText('Layer 1 already has the most units allowed (16).');

  // The new network trains: thumbnails and links are live after a step.
  await app.button('Step').click();
  await expect(app.epoch).toHaveText('000,001');
  await app.screenshot('ui-network-16');
  expect(consoleProblems).toEqual([]);
});

test('hover a link to read its weight, click it to type a new one', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.button('Remove layer').click(); // [4]: 2 inputs → 4 → 1
  await expect(page.getByTestId('node-hidden')).toHaveCount(4);
  await app.button('Step').click();
  await expect(app.epoch).toHaveText('000,001');
  // The link from the first hidden unit to the output, at its middle: there each curve has its own height.
  const out = (await page.getByTestId('node-output').boundingBox())!;
  const first = (await page.getByTestId('node-hidden').first().boundingBox())!;
  const x = (first.x + first.width + out.x) / 2;
  const y = (first.y + first.height / 2 + out.y + out.height / 2) / 2;
  await page.mouse.move(x, y);
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText(/Weight −?\d/);
  await page.mouse.click(x, y);
  const editor = page.getByRole('dialog', { name: 'Weight from unit 1 of layer 1 to the output' });
  await expect(editor).toBeVisible();
  await editor.getByLabel('New weight').fill('2.5');
  await editor.getByLabel('New weight').press('Enter');
  await expect(editor).toHaveCount(0);
  await page.mouse.move(x + 2, y + 1);
  await expect(page.getByRole('tooltip')).toContainText('Weight 2.500');
  expect(consoleProblems).toEqual([]);
});

for (const [width, height, theme] of [
  [1280, 800, 'Light'],
  [1920, 1080, 'Projector'],
  [390, 844, 'Light'],
] as const) {
  test(`eight layers of sixteen at ${width}×${height} (${theme}): the per-layer controls do not overlap`, async ({
    page,
    consoleProblems,
  }) => {
    await page.setViewportSize({ width, height });
    const app = new PlaygroundPage(page);
    await app.open('#v=1&hidden=16,16,16,16,16,16,16,16');
    await app.setTheme(theme);
    await expect(page.getByTestId('node-hidden')).toHaveCount(128);
    const header = page.locator('.diagram-header');
    const boxes = await header.locator('button, .unit-count').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.getAttribute('aria-label') ?? e.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    expect(boxes).toHaveLength(8 * 3);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
        expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
      }
    // Big enough to press (WCAG 2.5.8: at least 24 × 24 px), and nothing spills out of the panel.
    for (const b of boxes.filter((x) => x.name?.startsWith('Add') || x.name?.startsWith('Remove'))) {
      expect(b.w).toBeGreaterThanOrEqual(24);
      expect(b.h).toBeGreaterThanOrEqual(24);
    }
    const panel = (await page.locator('.network-panel').boundingBox())!;
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(panel.x + panel.width);
    // The header and the diagram below it do not overlap either.
    const diagramTop = (await app.diagram.boundingBox())!.y;
    for (const b of boxes) expect(b.y + b.h).toBeLessThanOrEqual(diagramTop + 0.5);
    await app.button('Remove unit from layer 8').click();
    expect(await app.hiddenSizes()).toEqual([16, 16, 16, 16, 16, 16, 16, 15]);
    expect(consoleProblems).toEqual([]);
  });
}
