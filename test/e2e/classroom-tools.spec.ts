/**
 * The top bar's tools obey the one hiding mechanism (data-hide on the root, share.css): Simple
 * leaves out Compare, History, Code and "Find a learning rate" and keeps Explain step, Batch step
 * and Lessons; Full shows them all; a link's hide= list and a lesson's visible controls hide them too.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LessonPlayer } from './lessonSteps.ts';
import { PlaygroundPage } from './pages.ts';

const FULL_TOOLS = ['compare', 'history', 'code', 'lr-finder'];
const SIMPLE_TOOLS = ['explain', 'batch-step', 'lessons'];
const tool = (page: Page, id: string) => page.locator(`[data-control="${id}"]`).first();

test('Simple hides Compare, History, Code and the learning-rate finder; Explain step stays', async ({
  page,
  consoleProblems,
}) => {
  const app = new PlaygroundPage(page);
  await app.open('#mode=simple');
  for (const id of SIMPLE_TOOLS) await expect(tool(page, id), id).toBeVisible();
  for (const id of FULL_TOOLS) await expect(tool(page, id), id).toBeHidden();
  await page.getByRole('radio', { name: 'Full' }).check();
  for (const id of [...SIMPLE_TOOLS, ...FULL_TOOLS]) await expect(tool(page, id), id).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('a link’s hide= list hides top-bar tools by their data-control names', async ({ page, consoleProblems }) => {
  const app = new PlaygroundPage(page);
  await app.open('#v=1&dataset=xor&hide=explain,compare,code');
  for (const id of ['explain', 'compare', 'code']) await expect(tool(page, id), id).toBeHidden();
  for (const id of ['batch-step', 'history', 'lessons', 'lr-finder']) await expect(tool(page, id), id).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('a lesson in Simple mode shows Explain step and Lessons, not Compare or Code', async ({ page }) => {
  const l = new LessonPlayer(page);
  await l.open();
  await l.start('cannot learn XOR', 3);
  await expect(page.getByRole('radio', { name: 'Simple' })).toBeChecked();
  for (const id of SIMPLE_TOOLS) await expect(tool(page, id), id).toBeVisible();
  for (const id of FULL_TOOLS) await expect(tool(page, id), id).toBeHidden();
});
