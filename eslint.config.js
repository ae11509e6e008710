// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is pure: both processes import it, so it may not depend on any runtime.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must stay pure: no Electron.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'shared/ must stay pure: no React.',
            },
            { group: ['dexie', 'dexie-*'], message: 'shared/ must stay pure: no Dexie.' },
            { group: nodeBuiltins, message: 'shared/ must stay pure: no Node built-ins.' },
            {
              group: ['../renderer/*', '../electron/*', '**/renderer/**', '**/electron/**'],
              message: 'shared/ may not import from a process folder.',
            },
          ],
        },
      ],
    },
  },
  {
    // Main's services and modules get ports; only the Electron-facing files touch Electron, so
    // everything else runs in Node (and composeMain in the unit tests) as it is.
    files: ['electron/main/**/*.ts'],
    ignores: [
      'electron/main/adapters/**',
      'electron/main/app/**',
      'electron/main/window.ts',
      'electron/main/security.ts',
      'electron/main/ipc/register.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message:
                'Only adapters/, app/, window.ts, security.ts and ipc/register.ts touch Electron; take a port instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer reaches the desktop only through renderer/lib/host.ts.',
            },
            { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins.' },
            { group: ['**/electron/**'], message: 'The renderer may not import from electron/.' },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits and an async function handed where a void callback
    // is expected (an async onClick) lose errors silently; reviews kept finding both by hand.
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Ports and host handlers are async by contract; `async () => ok(value)` is the plainest
      // way to fulfil one, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read untyped JSON from real servers and hand spies around as values to assert on.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
