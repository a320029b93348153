// Prisma CLI configuration. The JS engine with a driver adapter lets `prisma generate` and
// `prisma migrate diff` run without Prisma's Rust engines, which cannot be downloaded here
// (docs/architecture.md "Toolchain notes"). Migrations are applied by the app itself: prisma/apply-migrations.ts.
import { defineConfig } from 'prisma/config';
import { PGlite } from '@electric-sql/pglite';
import { pgliteAdapter } from './prisma/pglite-adapter.js';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return pgliteAdapter(new PGlite());
  },
});
