/** Page object for the playground: find things as a person would (roles and labels). */
import { writeFileSync } from 'node:fs';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const RESULTS = process.env.E2E_RESULTS ?? 'test-results';

/** Write `text` to RESULTS/`name`, for a test to import; returns the path. */
export function resultFile(name: string, text: string): string {
  const path = `${RESULTS}/${name}`;
  writeFileSync(path, text);
  return path;
}

/** Before the app loads, ask it to expose its store as `window.__playground` (src/state/testHook.ts). */
export async function exposeStore(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__PLAYGROUND_TEST__ = true;
  });
}

/** The store as the page sees it (through the hook `exposeStore` turns on). */
export async function storeState(page: Page) {
  return page.evaluate(() => {
    const s = window.__playground!.getState();
    return {
      /** The latest snapshot's epoch; -1 before the first. */
      epoch: s.snapshot?.epoch ?? -1,
      params: s.snapshot ? Array.from(s.snapshot.params) : null,
      history: s.history.map((h) => ({ epoch: h.epoch, batchLoss: h.batchLoss, trainLoss: h.trainLoss })),
      trainLoss: s.run.trainLoss,
      testLoss: s.run.testLoss,
      config: s.config,
      notices: s.notices.map((n) => n.text),
    };
  });
}

/** Someone else opening the playground: a fresh context with the store exposed and its console watched. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  playground: PlaygroundPage;
  /** Console errors and warnings of this page. */
  problems: string[];
}

export async function newVisitor(browser: Browser): Promise<Visitor> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await exposeStore(page);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  return { context, page, playground: new PlaygroundPage(page), problems };
}

export class PlaygroundPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await expect(this.page.getByTestId('worker-status')).toHaveText('Training worker: ready');
    await expect(this.page.getByTestId('heatmap')).toBeVisible();
  }

  get playButton(): Locator {
    return this.page.getByRole('button', { name: /^(Play|Pause)$/ });
  }
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  get diagram(): Locator {
    return this.page.getByTestId('network-diagram');
  }
  get epoch(): Locator {
    return this.page.getByTestId('epoch');
  }
  get testLoss(): Locator {
    return this.page.getByTestId('test-loss');
  }
  get trainLoss(): Locator {
    return this.page.getByTestId('train-loss');
  }
  get notices(): Locator {
    return this.page.getByRole('list', { name: 'Notices' });
  }

  async epochNumber(): Promise<number> {
    return Number((await this.epoch.textContent())?.replace(/,/g, '') ?? NaN);
  }
  async testLossNumber(): Promise<number> {
    return Number((await this.testLoss.textContent())?.replace('−', '-') ?? NaN);
  }

  /** Play until the epoch counter reaches `epochs`, then pause. */
  async playUntil(epochs: number): Promise<void> {
    await this.playButton.click();
    await expect.poll(() => this.epochNumber(), { timeout: 20_000 }).toBeGreaterThanOrEqual(epochs);
    await this.playButton.click();
    await expect(this.playButton).toHaveText(/Play/);
  }

  async openFileMenu(): Promise<void> {
    await this.page.getByText('File', { exact: true }).click();
  }
  /** Choose `item` in the File menu and save what it downloads under RESULTS; returns the path. */
  async download(item: string): Promise<string> {
    await this.openFileMenu();
    const [d] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: item }).click(),
    ]);
    const path = `${RESULTS}/${d.suggestedFilename()}`;
    await d.saveAs(path);
    return path;
  }
  /** Load the file at `path` as an experiment or as CSV points (the File menu's file inputs). */
  async importFile(kind: 'experiment' | 'csv', path: string): Promise<void> {
    await this.page.getByTestId(`import-${kind}`).setInputFiles(path);
  }
  /** Open the Draw data menu and pick what a click on the plane does; the menu stays open. */
  async drawWith(tool: 'Blue (positive)' | 'Orange (negative)' | 'Eraser'): Promise<void> {
    await this.page.locator('.draw-menu > summary').click();
    await this.page.getByRole('radio', { name: tool }).check();
  }

  async pickDataset(name: string): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }
  async select(label: string, option: string): Promise<void> {
    const l = this.page.getByLabel(label, { exact: true });
    await this.withMore(l, () => l.selectOption({ label: option }));
  }
  /** Below 1280 px some top-bar tools fold behind "More": open it for `act` on `l`, then fold it again. */
  async withMore<T>(l: Locator, act: () => Promise<T>): Promise<T> {
    const more = this.page.getByRole('button', { name: 'More tools' });
    const fold = !(await l.isVisible()) && (await more.isVisible());
    if (fold) await more.click();
    try {
      return await act();
    } finally {
      if (fold) await more.click();
    }
  }
  /** Move the Speed slider with the keyboard (Home, then →) until it shows `shown` (e.g. '100/s', 'Max'). */
  async setSpeed(shown: string): Promise<void> {
    const slider = this.page.getByRole('slider', { name: 'Speed' });
    await this.withMore(slider, () => this.moveSpeed(slider, shown));
  }
  private async moveSpeed(slider: Locator, shown: string): Promise<void> {
    await slider.focus();
    await slider.press('Home');
    for (let i = 0; i < 20 && (await slider.getAttribute('aria-valuetext')) !== shown; i++)
      await slider.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', shown);
  }
  async setTheme(theme: 'System' | 'Light' | 'Dark' | 'Projector'): Promise<void> {
    await this.select('Theme', theme);
  }
  async hiddenSizes(): Promise<number[]> {
    const s = (await this.diagram.getAttribute('data-sizes')) ?? '';
    return s.split(',').map(Number).slice(1, -1);
  }
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${RESULTS}/${name}.png`, fullPage: true });
  }
}

/** Step the run `epochs` epochs through the store and wait until its latest snapshot is at epoch `to`. */
export async function stepTo(page: Page, epochs: number, to: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.getState().step(n), epochs);
  await expect
    .poll(() => page.evaluate(() => window.__playground!.getState().snapshot?.epoch ?? -1), { timeout: 30_000 })
    .toBe(to);
}

/** A small spiral run with Adam (optimizer moments to restore), shared by the timeline and history specs. */
export const SPIRAL_ADAM_LINK =
  '#v=1&dataset=spiral&dataSeed=3&noise=5&samples=200&train=50&features=x,y,x2,y2&hidden=5,3&activation=tanh' +
  '&init=xavier&seed=11&batch=7&optimizer=adam&lr=0.01&speed=max';

/** Weights, trainer state and every history point of the run as the page holds it. */
export function exactState(page: Page) {
  return page.evaluate(() => {
    const s = window.__playground!.getState();
    return {
      epoch: s.snapshot!.epoch,
      params: Array.from(s.snapshot!.params),
      trainer: s.snapshot!.trainer,
      history: s.history,
    };
  });
}

/** Open the History panel; returns its list items. */
export async function openHistory(page: Page): Promise<Locator> {
  await page.locator('[data-control="history"]').click();
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
  return page.getByTestId('history-item');
}
