/**
 * Where the page's main thread spends its time while a network trains: a CPU profile (CDP
 * Profiler) of the built app, unminified, summed by function (self time) and by file. For finding
 * what to speed up, not a bench: `npx tsx scripts/perf-profile.ts [large|largest|compare|hood] [seconds]`.
 */
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import playwrightConfig from '../playwright.config.ts';
import { LARGE_PATCH, LARGEST_PATCH, applyConfig, openForTest } from './perf-probe.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const which = process.argv[2] ?? 'large';
const seconds = Number(process.argv[3] ?? 5);
const outDir = 'dist-profile';
await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: false } });
const server = await preview({ logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: playwrightConfig.use?.launchOptions?.args ?? [],
});
try {
  // VIEWPORT=1920x1080 for the projector's size (default 1280x800).
  const [vw, vh] = (process.env.VIEWPORT ?? '1280x800').split('x').map(Number);
  const page = await browser.newPage({ viewport: { width: vw!, height: vh! }, baseURL: url });
  await page.addInitScript(() => localStorage.setItem('nn-playground:welcomed', '1'));
  await openForTest(page, '/');
  await applyConfig(page, which === 'largest' ? LARGEST_PATCH : LARGE_PATCH);
  if (which === 'hood') {
    await page.locator('[data-control="explain"]').click();
    await page.getByTestId('hood-phase').waitFor();
    await page.keyboard.press('ArrowRight');
  }
  if (which === 'compare') {
    await page.locator('[data-control="compare"]').first().click();
    await page.waitForTimeout(1500);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => window.__playground!.getState().play());
  await page.waitForTimeout(500);
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await page.evaluate(() => window.__playground!.getState().pause());
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  let total = 0;
  const outside = { '(idle)': 0, '(program)': 0 };
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const name = f.functionName || '(anonymous)';
    const short = f.url.replace(/^.*\//, '');
    total += us;
    if (name === '(idle)' || name === '(program)') {
      outside[name] += us;
      continue;
    }
    const key = `${name} ${short}:${f.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    file.set(short || name, (file.get(short || name) ?? 0) + us);
  }
  // Inclusive time per function (a node's own plus its subtree's), and who calls the hot ones.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  const incl = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    let child: ProfileNode | undefined;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const k = keyOf(n);
      if (child && !seen.has(keyOf(child) + '<' + k)) {
        const m = callers.get(keyOf(child)) ?? new Map<string, number>();
        m.set(k, (m.get(k) ?? 0) + us);
        callers.set(keyOf(child), m);
        seen.add(keyOf(child) + '<' + k);
      }
      child = n;
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  }
  const ms = (us: number) => ((us / 1000 / seconds) * 1).toFixed(1);
  console.log(`profile ${which}: ${(total / 1e6).toFixed(2)} s sampled; ms per second of wall time:`);
  // (program): the browser's own work on the main thread (style, layout, paint, raster, messages).
  console.log(`${ms(outside['(idle)']).padStart(7)}  (idle)\n${ms(outside['(program)']).padStart(7)}  (program)`);
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${ms(v).padStart(7)}  ${k}`);
  console.log('-- by file');
  for (const [k, v] of [...file].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms(v).padStart(7)}  ${k}`);
  if (process.env.PROFILE_JSON) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.PROFILE_JSON, JSON.stringify({ self: [...fn], incl: [...incl], seconds }));
  }
  console.log('-- inclusive, app functions and components');
  for (const [k, v] of [...incl]
    .filter(([k]) => /index|assets|\.js/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60))
    console.log(`${ms(v).padStart(7)}  ${k}`);
  console.log('-- components (inclusive render time)');
  for (const [k, v] of [...incl]
    .filter(([k]) => /^[A-Z][A-Za-z0-9]+ /.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(`${ms(v).padStart(7)}  ${k}`);
  for (const hot of (process.env.CALLERS ?? 'drawImage,sizeCanvas').split(',')) {
    for (const [k, m] of callers) {
      if (!k.startsWith(hot + ' ')) continue;
      console.log(`-- callers of ${k}`);
      for (const [c, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${ms(v).padStart(7)}  ${c}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
