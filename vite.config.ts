import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy (a meta tag, added at build time only: the dev server
 * needs inline scripts for hot reload). No inline script, no eval, nothing from another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Offline and installable (vite-plugin-pwa / Workbox): the service worker precaches every asset
 * the build emits (not the source maps), so after one visit the app opens, trains and saves with
 * no network. It never takes over by itself: a new version waits until the learner presses Reload
 * (src/pwa/update.ts). Everything is same-origin and relative, so the CSP stays strict and the app
 * works from any sub-path.
 */
function offline(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
    manifest: {
      name: 'Neural Network Playground',
      short_name: 'NN Playground',
      description: 'Build a neural network from scratch and watch it learn, live in your browser.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f3f4f6',
      theme_color: '#1f2937',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,woff2}'],
      // Lessons and links live in the hash; any path under the scope is the app.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
  });
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline()],
  base: './',
  worker: { format: 'es' },
  // E2E_OUT_DIR / E2E_PORT let several checkouts' browser tests run side by side.
  build: { target: 'es2022', sourcemap: true, outDir: process.env.E2E_OUT_DIR ?? 'dist' },
  preview: { host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 4173), strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Property tests run thousands of cases: on 2 loaded cores 5 s is not enough, yet a hang still fails.
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
