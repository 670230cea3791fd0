import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/node';

/** Prints one plain closing line, `tests: N passed, N failed`, that any CI can read. */
const summaryLine: Reporter = {
  onTestRunEnd(modules) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  },
};

/**
 * Three tiers behind `npm test`:
 * - unit + integration (node): shared/ and server/ — real server on an ephemeral port, real clients;
 * - the same server suites with the shared stores in PostgreSQL (node-postgres);
 * - client (jsdom): React components with Testing Library;
 * - e2e (node): the built client served by the real server, driven in Debian's Chromium.
 */
export default defineConfig({
  test: {
    reporters: ['default', summaryLine],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'locales/**/*.test.ts', 'scripts/**/*.test.ts'],
          setupFiles: ['./server/test/helpers/fastCheckSeed.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The server suites that use users, sessions, share links, the glossary, imported memory and source files, again with
        // those in PostgreSQL (a fresh schema per server, dropped after): one suite, two stores.
        test: {
          name: 'node-postgres',
          environment: 'node',
          include: [
            'server/test/authorization.test.ts',
            'server/test/sessions.test.ts',
            'server/test/rest.test.ts',
            'server/test/shares.test.ts',
            'server/test/glossary.test.ts',
            'server/test/tm.test.ts',
            'server/test/review.test.ts',
            'server/test/restart.test.ts',
            'server/test/origin.test.ts',
            'server/test/prefs.test.ts',
            // Documents (events, snapshots, the commit path) on PostgreSQL as well.
            'server/test/edits.test.ts',
            'server/test/retries.test.ts',
            'server/test/convergence.test.ts',
            'server/test/peers.test.ts',
            'server/test/paragraphs.test.ts',
            'server/test/keepTheirs.test.ts',
            'server/test/unicode.test.ts',
            'server/test/requestChangesMentions.test.ts',
            'server/test/interchange.test.ts',
            'server/test/originalExport.test.ts',
            'server/test/fuzz.test.ts',
          ],
          env: { ANOR_TEST_BACKEND: 'postgres' },
          setupFiles: ['./server/test/helpers/fastCheckSeed.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: './client/vite.config.ts',
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['./client/src/test/setup.ts', './server/test/helpers/fastCheckSeed.ts'],
          // A hang guard, as for the node tiers: jsdom renders take seconds on two busy cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Browsers and a server share two busy cores: waits for what a person would see get 10 s, not 1 s.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
    ],
  },
});
