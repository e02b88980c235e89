import { test as base, expect, type ConsoleMessage } from '@playwright/test';

/**
 * Every page a test opens is watched: a console error or warning, or an uncaught
 * exception, fails the test when it ends.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await use(problems);
    expect(problems, 'console errors or warnings').toEqual([]);
  },
});

export { expect };
