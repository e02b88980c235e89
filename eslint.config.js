import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ENGINE_WHY =
  'src/nn is the pure engine: it runs in Node, in the worker and in tests, so it must not depend on React, the store, the UI or the browser.';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'coverage/**',
      'test-results/**',
      'test-results-*/**',
      'playwright-report/**',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser }, parserOptions: { ecmaVersion: 2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', { name: 'event', message: 'Use the handler argument.' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/nn/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: ENGINE_WHY },
            { group: ['zustand', 'zustand/*'], message: ENGINE_WHY },
            { group: ['**/state/**', '**/ui/**', '**/viz/**', '**/worker/**', '**/share/**'], message: ENGINE_WHY },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is seeded: take randomness from src/nn/rng.ts.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: ENGINE_WHY },
        { name: 'window', message: ENGINE_WHY },
        { name: 'self', message: ENGINE_WHY },
      ],
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
