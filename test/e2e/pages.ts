/** Page object for the playground: find things as a person would (roles and labels). */
import { expect, type Locator, type Page } from '@playwright/test';

export const RESULTS = process.env.E2E_RESULTS ?? 'test-results';

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

  async epochNumber(): Promise<number> {
    return Number((await this.epoch.textContent())?.replace(/,/g, '') ?? NaN);
  }
  async testLossNumber(): Promise<number> {
    return Number((await this.testLoss.textContent())?.replace('−', '-') ?? NaN);
  }

  async pickDataset(name: string): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }
  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
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
