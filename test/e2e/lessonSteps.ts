/** Playing a lesson in the browser as a student does: open it, follow a step, wait for "✓ Done", Next. */
import { expect, type Locator, type Page } from '@playwright/test';
import { exposeStore, PlaygroundPage } from './pages.ts';

export class LessonPlayer {
  readonly app: PlaygroundPage;
  constructor(readonly page: Page) {
    this.app = new PlaygroundPage(page);
  }
  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Lesson' });
  }
  get count(): Locator {
    return this.panel.getByTestId('lesson-count');
  }
  get taskState(): Locator {
    return this.panel.getByTestId('lesson-task-state');
  }

  /** A fresh page at Max speed (the lessons keep the person's speed), the store exposed. */
  async open(path = '/'): Promise<void> {
    await exposeStore(this.page);
    await this.page.goto(path);
    await expect(this.page.getByTestId('worker-status')).toHaveText('Training worker: ready');
    await this.page.evaluate(() => window.__playground!.getState().setSpeed('max'));
  }

  async start(title: string, steps: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await this.panel.getByRole('button', { name: new RegExp(title) }).click();
    await expect(this.count).toHaveText(`Step 1 of ${steps}`);
  }

  async play(): Promise<void> {
    await expect(this.app.playButton).toHaveText(/Play/);
    await this.app.playButton.click();
  }

  /** Wait for the task's "✓ Done", then pause if still running. */
  async done(timeout = 45_000): Promise<void> {
    await expect(this.taskState).toHaveText('✓ Done', { timeout });
    if ((await this.app.playButton.textContent())?.includes('Pause')) await this.app.playButton.click();
  }

  async expectNotDone(): Promise<void> {
    await expect(this.taskState).toHaveText('Not yet');
  }

  async next(step: number, steps: number): Promise<void> {
    await this.panel.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(this.count).toHaveText(`Step ${step} of ${steps}`);
  }

  async finish(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Finish', exact: true }).click();
    await expect(this.panel.getByRole('button', { name: 'New lesson' })).toBeVisible();
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  /** A slider (range input) set as a person drags it. */
  async slide(label: string, value: number): Promise<void> {
    await this.page.getByRole('slider', { name: label }).fill(String(value));
  }

  async config() {
    return this.page.evaluate(() => window.__playground!.getState().config);
  }
}
