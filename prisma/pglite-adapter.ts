// pglite-prisma-adapter 0.6 (the last for Prisma 6) declares its types against
// @prisma/driver-adapter-utils 6.10 while Prisma 6.19 expects 6.19's; the runtime contract is
// the same (the whole suite runs through it), only the declared types differ.
import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export function pgliteAdapter(lite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new PrismaPGlite(lite) as unknown as SqlMigrationAwareDriverAdapterFactory;
}
