import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 20_000, hookTimeout: 30_000 };

// Two projects: `all` runs every test on in-memory PGlite; `db` runs the tests that open a
// database (`*.db.test.ts`) again, against the PostgreSQL that scripts/with-postgres.sh starts.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'all', include: ['test/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'], ...timeouts } },
      { test: { name: 'db', include: ['test/**/*.db.test.ts'], ...timeouts } },
    ],
  },
});
