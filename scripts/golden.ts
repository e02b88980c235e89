// Runs every case of a reference file (the format of ../shared/golden/reference.json) through the
// engine: one line per case, then "N passed, N failed"; exit code 1 on any failure.
// Usage: npm run golden -- FILE.json
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatGoldenResult, runGoldenFile } from '../src/nn/golden.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
if (file === undefined) {
  console.error('usage: npm run golden -- FILE.json');
  process.exit(2);
}
let results;
try {
  // npm runs scripts from the package root; a relative path means relative to where npm was invoked.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  results = runGoldenFile(JSON.parse(readFileSync(path, 'utf8')));
} catch (e) {
  console.error(`golden: cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}
let passed = 0;
for (const r of results) {
  console.log(formatGoldenResult(r));
  if (r.pass) passed++;
}
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
