// Sums Vitest's and Playwright's JSON reports into one line: "N passed, N failed, N skipped".
// A runner whose report is missing (it never ran, or crashed) counts as one failure.
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.success === false && (vitest.numFailedTests ?? 0) === 0) failed += 1;
} else {
  console.error('summarize: no Vitest report (test-results/vitest.json)');
  failed += 1;
}

const pw = read('test-results/playwright.json');
if (pw && pw.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected ?? 0;
  skipped += pw.stats.skipped ?? 0;
  if ((pw.errors ?? []).length > 0) failed += pw.errors.length;
} else {
  console.error('summarize: no Playwright report (test-results/playwright.json)');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
