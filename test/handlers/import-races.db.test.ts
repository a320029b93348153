// 确认导入 on two instances (docs/domain.md "Importing a ledger"; docs/architecture.md "Several instances"):
// the dry run is a database row, so the confirmation works on an instance that never saw the file; two
// confirmations at once import once; and two people importing the same file at once make each project once,
// since imports run one at a time and each plans against the projects as they are when it runs.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COUNTY_LEDGER } from '../fixtures/county-ledger.js';
import { repliesByAccount, startRaceCluster, type RaceCluster } from '../support/race-cluster.js';

let cluster: RaceCluster;
let ledger: Buffer;
beforeEach(async () => {
  cluster = await startRaceCluster();
  ledger = await readFile(COUNTY_LEDGER);
});
afterEach(async () => {
  await cluster.close();
});

it('confirms on the other instance, and two 确认导入 at once import once', async () => {
  await cluster.sendFile(0, 'office', '台账.xlsx', ledger);
  expect(repliesByAccount(await cluster.runOne()).get('office')?.[0]).toMatch(/^导入预览「台账\.xlsx」：新建 30 个/);
  await cluster.send(1, 'office', '确认导入');
  await cluster.send(0, 'office', '确认导入');
  const replies = repliesByAccount(await cluster.runBoth()).get('office') ?? [];
  expect(replies.filter((text) => text.startsWith('已导入「台账.xlsx」：新建 30 个'))).toHaveLength(1);
  expect(replies.filter((text) => text.startsWith('没有待确认的导入'))).toHaveLength(1);
  expect(await cluster.prisma.project.count()).toBe(30);
  expect(await cluster.prisma.event.count({ where: { kind: 'project.imported' } })).toBe(30);
});

/** The fixture with every project's name ending in `suffix`: a county's next batch. */
async function batch(suffix: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(ledger as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  for (let row = 5; row <= 34; row += 1) sheet.getRow(row).getCell('B').value = `${String(sheet.getRow(row).getCell('B').value)}${suffix}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

it('makes each project once when two people import the same file at once', async () => {
  for (const round of [1, 2, 3, 4, 5]) {
    const file = await batch(`-${round}`);
    await cluster.sendFile(0, 'office', `第${round}批.xlsx`, file);
    await cluster.sendFile(0, 'admin', `第${round}批.xlsx`, file);
    await cluster.runOne();
    await cluster.send(0, 'office', '确认导入');
    await cluster.send(1, 'admin', '确认导入');
    const replies = repliesByAccount(await cluster.runBoth());
    // Both previews said 新建 30; whichever confirmation runs second finds the 30 made by the first.
    expect([...replies.get('office')!, ...replies.get('admin')!].map((text) => /：(新建.*?)。/.exec(text)?.[1]).sort()).toEqual([
      '新建 0 个，更新 0 个，无变化 30 个，不能导入 0 行',
      '新建 30 个，更新 0 个，无变化 0 个，不能导入 0 行',
    ]);
    expect(await cluster.prisma.project.count()).toBe(30 * round);
  }
});
