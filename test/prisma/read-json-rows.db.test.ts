// The big reads of the digests and 台账 (prisma/read-json-rows.ts) give the same values Prisma's
// model reads give: dates as YYYY-MM-DD, instants to the millisecond in UTC, amounts as numbers,
// typed text as typed, nulls as null, and rows in id order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../generated/prisma/client.js';
import type { Database } from '../../prisma/open-database.js';
import { readJsonRows } from '../../prisma/read-json-rows.js';
import { openTestDatabase } from '../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

it('reads projects as Prisma does, in id order', async () => {
  const { prisma } = database;
  const typed = '**"引号"** \\ 换行\n[链接](http://x) 😀';
  await prisma.project.create({
    data: { id: 7, name: typed, investmentWan: '1234567.89', signedOn: new Date('2026-02-14T00:00:00Z'), acceptedAt: new Date('2026-02-13T16:05:07.123Z') },
  });
  await prisma.project.create({ data: { id: 3, name: '光伏组件项目', investmentWan: 0 } });
  const rows = await readJsonRows<{ id: number; name: string; investmentWan: number; signedOn: string | null; acceptedAt: Date | null }>(
    prisma,
    Prisma.sql`SELECT id, name, "investmentWan", "signedOn", "acceptedAt" FROM "Project"`,
    ['acceptedAt'],
  );
  expect(rows).toEqual([
    { id: 3, name: '光伏组件项目', investmentWan: 0, signedOn: null, acceptedAt: null },
    { id: 7, name: typed, investmentWan: 1234567.89, signedOn: '2026-02-14', acceptedAt: new Date('2026-02-13T16:05:07.123Z') },
  ]);
  const [model] = await prisma.project.findMany({ where: { id: 7 } });
  expect(rows[1]!.acceptedAt).toEqual(model!.acceptedAt);
});

it('reads no rows as an empty list', async () => {
  expect(await readJsonRows(database.prisma, Prisma.sql`SELECT id FROM "Problem"`)).toEqual([]);
});
