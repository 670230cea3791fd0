// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * One lint for every TypeScript file: typescript-eslint's type-aware
 * recommended rules (floating promises, unsafe any, misused promises …) over
 * shared, server, client, tests, e2e and bench, plus React's hooks rules in
 * the client. Formatting is Prettier's job (npm run check runs both).
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-bench/', '.tsbuild/', 'data/', 'coverage/', 'docs/**/*.mjs', 'server/test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/only-throw-error': 'error',
      // A `default` branch is a decision too (events of other kinds are ignored on purpose).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // An async method that never awaits is how a synchronous store meets a Promise interface
      // (a throw inside becomes a rejection, as callers expect): deliberate here, not a slip.
      '@typescript-eslint/require-await': 'off',
      // Text tools: control characters in patterns are what they look for (XML 1.0 char ranges, C0 cleanup).
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      // Errors caught as `unknown` (Node callbacks, catch clauses) are passed on as they came.
      // `declare global { namespace Express … }` is how Express's request types are extended.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // Vitest types its asymmetric matchers (expect.any, expect.objectContaining …) as `any`.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks. The React Compiler rules of plugin v7's preset
    // (refs, purity, set-state-in-effect …) judge code written for the compiler,
    // which this client does not use.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // One HTTP client: request() in client/src/api/http.ts, typed by the shared route map.
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'call request() from client/src/api/http.ts (typed by the shared route map)' },
        { name: 'XMLHttpRequest', message: 'call request() from client/src/api/http.ts (typed by the shared route map)' },
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'fetch',
          message: 'call request() from client/src/api/http.ts',
        })),
        { object: 'navigator', property: 'sendBeacon', message: 'call request() from client/src/api/http.ts' },
      ],
    },
  },
  {
    // The one file that calls fetch.
    files: ['client/src/api/http.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
