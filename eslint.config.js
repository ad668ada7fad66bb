import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { noDateFromText } from './app/tools/eslint/no-date-from-text.mjs';

/** Imports the pure core must never make: it runs in the page, the worker and Node alike. */
const coreForbiddenImports = [
  { group: ['react', 'react-dom', 'react-dom/*', '@tanstack/*', 'recharts', 'recharts/*'], message: 'app/core is pure: no React, TanStack or charts.' },
  { group: ['node:*', 'fs', 'path', 'zlib', 'stream', 'http', 'os'], message: 'app/core is pure: no Node APIs.' },
  { group: ['**/ingest/**', '**/data/**', '**/features/**', '**/shared/**', '**/cli/**', '**/server/**'], message: 'app/core imports only app/core.' },
];

/** Log text reaches the page as text, never as markup. */
const textAsHtml = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Log text renders as text.' },
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Log text renders as text.' },
];


export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.ci-out', 'bench-out', '**/*-tmp.ts', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...textAsHtml],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.tsx', 'app/features/**/*.ts', 'app/shared/**/*.ts', 'app/data/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/**/*.test.ts', 'app/**/*.test-support.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { quotalens: { rules: { 'no-date-from-text': noDateFromText } } },
    rules: { 'quotalens/no-date-from-text': 'error' },
  },
  {
    files: ['app/core/**/*.ts'],
    ignores: ['app/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: coreForbiddenImports }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer'],
    },
  },
  {
    files: ['app/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.)|/features/', message: 'Features never import each other; they meet in app.tsx.' }] },
      ],
    },
  },
);
