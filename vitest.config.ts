import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 20_000, hookTimeout: 30_000 };

// Three projects: `all` runs every test on in-memory PGlite; `db` runs the tests that open a
// database (`*.db.test.ts`) again, against the PostgreSQL that scripts/with-postgres.sh starts
// (both start from the templates test/support/global-setup.ts makes once per run);
// `faults` runs the slow fault tests (test/faults: real server processes killed, a failing fake
// WeCom) on that PostgreSQL, one file at a time, since they measure processes; their databases start
// from the same roster template. `npm test` (scripts/run-tests.sh) runs `all` and `db` in one vitest
// process, sharing its two workers, and `faults` beside them in another.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, one on a 2-core machine; PGlite runs in the
    // test file's own process, so a second worker is what uses the second core.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'all',
          include: ['test/**/*.test.ts'],
          exclude: ['test/faults/**'],
          // In-memory PGlite even when TEST_DATABASE_URL is set for the `db` project run beside it (an empty value is none).
          env: { TEST_DATABASE_URL: '' },
          globalSetup: ['test/support/global-setup.ts'],
          ...timeouts,
        },
      },
      { test: { name: 'db', include: ['test/**/*.db.test.ts'], exclude: ['test/faults/**'], globalSetup: ['test/support/global-setup.ts'], ...timeouts } },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['test/support/global-setup.ts'],
          ...timeouts,
        },
      },
    ],
  },
});
