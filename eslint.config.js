import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', '.bench/**', 'electron/discovery/corpus/repos/**', 'electron/**/fixtures/**', 'resources/demo/source/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches the engine only through the typed Backend (STYLE.md: narrow bridge, no SQL in the UI).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'better-sqlite3', 'node:*', 'fs', 'path', 'child_process'], message: 'The renderer talks to the engine only through the Backend interface.' },
            { group: ['**/electron/**'], message: 'The renderer may import shared/ only, never engine code.' },
          ],
        },
      ],
    },
  },
  {
    // The engine must run under the web host, the CLI and tests: no Electron there.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Engine code never imports electron; only electron/main and electron/preload do.' }] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', '**/renderer/**', 'node:*'], message: 'shared/ imports nothing outside shared.' }] }] },
  },
);
