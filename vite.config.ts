import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
