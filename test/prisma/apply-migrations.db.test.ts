// Migrations as the operator relies on them: applied once, kept across restarts, never twice
// when two instances start together, recorded where the Prisma CLI looks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../prisma/open-database.js';
import { readMigrations } from '../../prisma/apply-migrations.js';
import { createTestDatabaseLocation } from '../support/test-database.js';

describe('migrations at start-up', () => {
  let location: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ location, remove } = await createTestDatabaseLocation());
  });
  afterEach(async () => {
    await remove();
  });

  it('applies every migration on the first start, none on the next, and keeps the data', async () => {
    const names = readMigrations().map((migration) => migration.name);
    const first = await openDatabase(location);
    expect(first.applied).toEqual(names);
    await first.prisma.unit.create({ data: { name: '县自然资源局', key: '自然资源局' } });
    await first.close();

    const second = await openDatabase(location);
    expect(second.applied).toEqual([]);
    expect(await second.prisma.unit.findMany({ select: { name: true } })).toEqual([{ name: '县自然资源局' }]);
    const recorded = await second.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(recorded).toEqual(readMigrations().map(({ name, checksum }) => ({ migration_name: name, checksum })));
    await second.close();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('applies each migration once when two instances start at the same time', async () => {
    const [a, b] = await Promise.all([openDatabase(location), openDatabase(location)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(
      readMigrations()
        .map((migration) => migration.name)
        .sort(),
    );
    const rows = await a.prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations"`;
    expect(Number(rows[0]?.count)).toBe(readMigrations().length);
    await Promise.all([a.close(), b.close()]);
  });
});
