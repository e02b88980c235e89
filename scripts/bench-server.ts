/**
 * The built app in Debian's Chromium, for the in-app benches (scripts/bench-browser.ts) and the
 * soak (scripts/bench-soak.ts): `vite build` into its own folder (BENCH_OUT_DIR, default
 * dist-bench/, so a test run's dist/ is untouched), `vite preview` on 127.0.0.1 (BENCH_PORT, default
 * 0: a free port the system picks), and Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with
 * the args of playwright.config.ts.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import playwrightConfig from '../playwright.config.ts';

export interface ServedApp {
  browser: Browser;
  /** The app's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** A 1280×800 page on the app, as a returning visitor (the first-visit welcome already seen). */
  newPage(): Promise<Page>;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

export async function serveApp(): Promise<ServedApp> {
  const outDir = process.env.BENCH_OUT_DIR ?? 'dist-bench';
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 0), strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report an address');
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: playwrightConfig.use?.launchOptions?.args ?? [],
  });
  return {
    browser,
    url,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, baseURL: url });
      await page.addInitScript(() => localStorage.setItem('nn-playground:welcomed', '1'));
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
