import { test, expect } from './fixtures.ts';
import { PlaygroundPage } from './pages.ts';

const SIZES = [
  { name: 'ui-1280x800', width: 1280, height: 800 },
  { name: 'ui-1920x1080', width: 1920, height: 1080 },
  { name: 'ui-768x1024', width: 768, height: 1024 },
];

for (const s of SIZES) {
  test(`layout at ${s.width}×${s.height}: every panel visible, nothing wider than the window`, async ({
    page,
    consoleProblems,
  }) => {
    await page.setViewportSize({ width: s.width, height: s.height });
    const app = new PlaygroundPage(page);
    await app.open();
    await app.button('Step').click();
    await expect(app.epoch).toHaveText('000,001');
    for (const h of ['Data', 'Features', 'Hyperparameters', 'Network', 'Output', 'Training'])
      await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // From 1280 px up the top bar is one row: title, transport, stats and controls side by side.
    if (s.width >= 1280) {
      const bar = (await page.locator('.topbar').boundingBox())!;
      const play = (await app.playButton.boundingBox())!;
      const file = (await page.getByText('File', { exact: true }).boundingBox())!;
      expect(bar.height).toBeLessThan(80);
      expect(Math.abs(file.y + file.height / 2 - (play.y + play.height / 2))).toBeLessThan(play.height);
    }
    await page.waitForTimeout(300);
    await app.screenshot(s.name);
    expect(consoleProblems).toEqual([]);
  });
}

test('dark theme: screenshot after some training', async ({ page, consoleProblems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new PlaygroundPage(page);
  await app.open();
  await app.setTheme('Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(20, 23, 27)');
  await app.pickDataset('Spiral');
  await page.getByRole('checkbox', { name: 'Show test data' }).check();
  await app.setSpeed('100/s');
  await app.playButton.click();
  await expect.poll(() => app.epochNumber()).toBeGreaterThan(40);
  await app.button('Pause').click();
  await page.waitForTimeout(300);
  await app.screenshot('ui-dark');
  expect(consoleProblems).toEqual([]);
});

test('projector theme: large text, screenshot', async ({ page, consoleProblems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new PlaygroundPage(page);
  await app.open();
  await app.setTheme('Projector');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await app.button('Step').click();
  await page.waitForTimeout(300);
  await app.screenshot('ui-projector');
  expect(consoleProblems).toEqual([]);
});

test('System theme follows prefers-color-scheme; reduced motion turns transitions off', async ({
  page,
  consoleProblems,
}) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('auto');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const transition = await app.button('Step').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition).toBe('0s');
  expect(consoleProblems).toEqual([]);
});

test('tablet: controls are at least 44 px tall for touch', async ({ page, consoleProblems }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const app = new PlaygroundPage(page);
  await app.open();
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main select, header button, header select, .chip, .toggle',
      ),
    ]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('node'))
      .map((el) => ({
        what: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
        h: el.getBoundingClientRect().height,
      }))
      .filter((x) => x.h < 43.5),
  );
  expect(small).toEqual([]);
  expect(consoleProblems).toEqual([]);
});
