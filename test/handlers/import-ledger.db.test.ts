// Importing a county's ledger through the chat (docs/domain.md "Importing a ledger"): 重点项目办 sends the
// county's own sheet (test/fixtures/county-ledger.ts), reads the dry run, confirms, and the 30 projects are
// in the ledger with their units, leaders, stages and dates — their start deadlines and the monthly lists
// following from the imported dates. A second import changes nothing; the bot's own 台账 comes back as updates.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COUNTY_LEDGER } from '../fixtures/county-ledger.js';
import { createHarness, type Harness } from '../support/harness.js';
import { REGISTER } from './story-steps.js';

let h: Harness;
let ledger: Buffer;
beforeEach(async () => {
  h = await createHarness();
  ledger = await readFile(COUNTY_LEDGER);
});
afterEach(async () => {
  await h.close();
});

/** The text the sender got back. */
const answer = async (sent: Promise<{ recipient: string; text: string; reply?: boolean }[]>, account = 'office') =>
  (await sent)
    .filter((item) => item.recipient === account)
    .map((item) => item.text)
    .join('\n');

/** The fixture with some cells changed: `edits` maps `row:column` (as Excel shows them, e.g. `7:E`) to a value. */
async function edited(edits: Record<string, string | number | null>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(ledger as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  for (const [cell, value] of Object.entries(edits)) {
    const [row, column] = cell.split(':');
    sheet.getRow(Number(row)).getCell(column!).value = value;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

it('previews a county sheet, imports it on 确认导入, and the start deadlines and monthly lists follow', async () => {
  const preview = await answer(h.sendFile('office', '某某县重点项目台账.xlsx', ledger));
  expect(preview).toMatch(/^导入预览「某某县重点项目台账\.xlsx」：新建 30 个，更新 0 个，无变化 0 个，不能导入 0 行。/);
  expect(preview).toContain('未导入的列：序号、备注');
  expect(preview).toContain('确认无误请发送「确认导入」（30 分钟内有效）。');
  expect(await h.prisma.project.count()).toBe(0);

  const done = await answer(h.say('office', '确认导入'));
  expect(done).toMatch(/^已导入「某某县重点项目台账\.xlsx」：新建 30 个，更新 0 个，无变化 0 个，不能导入 0 行。/);
  const projects = await h.prisma.project.findMany({ orderBy: { id: 'asc' } });
  expect(projects).toHaveLength(30);
  // Row 5: 工信局, 县领导乙, 6250.5 万元, an Excel date; row 7: its 签约时间 typed 2026年4月22日; row 11: 8000万 as text.
  const units = new Map((await h.prisma.unit.findMany()).map((unit) => [unit.id, unit.name]));
  const [first, , third] = projects;
  expect([first!.name, Number(first!.investmentWan), units.get(first!.leadUnitId!), first!.leaderName, first!.signedOn?.toISOString().slice(0, 10)]).toEqual([
    '西岭农产品冷链物流园项目',
    6250.5,
    '市工业和信息化局',
    '县领导乙',
    '2026-02-08',
  ]);
  expect([first!.contactName, first!.contactMobile]).toEqual(['联系人1', '13900001001']);
  expect(third!.signedOn?.toISOString().slice(0, 10)).toBe('2026-04-22');
  expect(Number(projects[6]!.investmentWan)).toBe(8000);
  // Rows 29–34 are under way: stage 开工 with the date typed (2026.10.10) or as an Excel date.
  expect(projects.slice(24).map((project) => [project.stage, project.startedOn?.toISOString().slice(0, 10)])).toEqual([
    ['started', '2026-10-10'],
    ['started', '2026-11-10'],
    ['started', '2026-03-10'],
    ['started', '2026-04-10'],
    ['started', '2026-05-10'],
    ['started', '2026-06-10'],
  ]);
  expect(new Set(projects.map((project) => project.service))).toEqual(new Set(['unaccepted']));

  // The archive says where the project came from (一事一档, 002 五(十)).
  expect(await answer(h.say('office', '档案 P1'))).toContain('导入（「某某县重点项目台账.xlsx」第 5 行）');
  // The start deadline counts from the imported signing date, as for a project registered by hand with it.
  await h.say('office', '登记项目 名称：对照项目 投资：1亿 签约日期：2026-02-08');
  const deadline = (text: string) => /(开工 |开工期限：)(\d{4}-\d{2}-\d{2})/.exec(text)?.[2];
  const imported = deadline(await answer(h.say('office', '进度 P1')));
  expect(imported).toBeDefined();
  expect(imported).toBe(deadline(await answer(h.say('office', '进度 P31'))));
  expect(await answer(h.say('office', '进度 P25'))).not.toMatch(/开工期限|下一期限：开工/);

  // 3 December: the start ledger (003 一(二)4(2)) lists the imported projects still to start, and not the started ones.
  await h.app.runSchedules(); // the first pass only marks what is open
  h.clock.set('2026-12-03T09:00:00+08:00');
  await h.app.runSchedules();
  await h.app.deliver();
  const startLedger = h.messenger
    .to('office')
    .map((item) => item.text)
    .find((text) => text.startsWith('【拟开工重大项目台账 2026-12】'));
  expect(startLedger).toContain('待开工项目 25 个');
  expect(startLedger).toContain(`P1 西岭农产品冷链物流园项目 🔴 · 县领导乙 · 市工业和信息化局 · 开工期限 ${imported}`);
  expect(startLedger).not.toContain('P25 ');
});

it('imports the same file a second time without a single duplicate', async () => {
  await h.sendFile('office', 'a.xlsx', ledger);
  await h.say('office', '确认导入');
  const again = await answer(h.sendFile('office', 'a.xlsx', ledger));
  expect(again).toBe('导入预览「a.xlsx」：新建 0 个，更新 0 个，无变化 30 个，不能导入 0 行。\n未导入的列：序号、备注\n台账与项目管家一致，无需导入。');
  expect(await answer(h.say('office', '确认导入'))).toBe('没有待确认的导入。请先发送台账 Excel 文件（.xlsx），看过预览再发「确认导入」。');
  expect(await h.prisma.project.count()).toBe(30);
});

it('refuses each unreadable row with its reasons and imports the rest', async () => {
  const file = await edited({ '6:E': '国土', '7:F': '王五', '8:H': '上个月', '9:D': '若干', '10:J': '2026.12.1' });
  const preview = await answer(h.sendFile('office', 'b.xlsx', file));
  expect(preview).toContain('新建 25 个，更新 0 个，无变化 0 个，不能导入 5 行。');
  expect(preview).toContain('第 6 行 南湖新型建材项目：没有「国土」这个单位，你是不是指：自然资源局？');
  expect(preview).toContain('第 7 行 北山文旅康养小镇项目：包抓领导「王五」不在名册中，请写名册中的姓名');
  expect(preview).toContain('第 8 行 河谷数据中心项目：看不懂签约日期「上个月」，请写成 2026-11-23');
  expect(preview).toContain('第 9 行 东城食品加工项目：看不懂投资「若干」，请写成 3.5亿、8000万、三千万 或 30000000元');
  // A start date with no stage saying so, and in the future: both reasons at once.
  expect(preview).toMatch(/第 10 行 \S+：开工日期 2026-12-01 还没到；项目阶段为签约，但填了开工日期；请改项目阶段或删去该日期/);
  expect(preview).toContain('确认无误请发送「确认导入」（30 分钟内有效）；不能导入的行改好后重新发送文件即可。');
  await h.say('office', '确认导入');
  expect(await h.prisma.project.count()).toBe(25);
  expect(await h.prisma.project.count({ where: { name: '南湖新型建材项目' } })).toBe(0);
});

it("takes the bot's own 台账 back: a changed amount, unit and contact are updates, archived with the file name", async () => {
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  const sent = (await h.say('office', '台账')).find((item) => item.message.kind === 'file')!.message;
  if (sent.kind !== 'file') throw new Error('no workbook');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(sent.content, 'base64') as unknown as ExcelJS.Buffer);
  const row = workbook.getWorksheet('项目')!.getRow(2);
  row.getCell(4).value = 40000; // 投资(万元)
  row.getCell(6).value = '住建局'; // 责任单位
  row.getCell(8).value = '李四'; // 联系人
  row.getCell(9).value = '13900002222'; // 电话
  const file = Buffer.from(await workbook.xlsx.writeBuffer());

  const preview = await answer(h.sendFile('office', '项目台账-2026-11-23.xlsx', file));
  expect(preview).toContain('新建 0 个，更新 1 个，无变化 0 个，不能导入 0 行。');
  expect(preview).toContain(
    '更新 P1 光伏组件项目：投资 3.5亿元 → 4亿元；联系人 张三 139****1111 → 李四 139****2222；责任单位 市自然资源局 → 市住房和城乡建设局',
  );
  const done = await answer(h.say('office', '确认导入'));
  // The new contact gets a code of their own; the old one is void, as with 修改项目.
  const code = /新绑定码（此前的绑定码已作废）：P1 (\d{6})/.exec(done)?.[1];
  expect(code, done).toBeDefined();
  expect(await h.prisma.bindCode.count({ where: { projectId: 1, expiresAt: { gt: h.clock.now() } } })).toBe(1);
  const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
  expect(Number(project.investmentWan)).toBe(40000);
  expect(await h.prisma.project.count()).toBe(1);
  expect(await answer(h.say('office', '档案 P1'))).toContain(
    '导入「项目台账-2026-11-23.xlsx」更新：投资由3.5亿元改为4亿元；联系人由张三 139****1111改为李四 139****2222；责任单位由市自然资源局改为市住房和城乡建设局',
  );
});

it('refuses what is no ledger, too big, or sent by someone who does not keep the ledger, and an expired preview', async () => {
  expect(await answer(h.sendFile('office', '台账.xls', ledger))).toBe('只能导入 Excel 文件（.xlsx）。.xls 或 WPS 表格请先另存为 .xlsx，再发送。');
  expect(await answer(h.sendFile('office', '台账.xlsx', Buffer.from('not a zip')))).toBe(
    '这个文件打不开，不是有效的 Excel 文件（.xlsx）。请另存为 .xlsx 后再发送。',
  );
  const big = await answer(
    h.app
      .receive({
        platform: 'local',
        type: 'file',
        account: 'office',
        name: '全县.xlsx',
        size: 5 * 1024 * 1024,
        dedupKey: 'big',
        at: h.clock.now().toISOString(),
      })
      .then(async () => {
        await h.app.processInbound();
        await h.app.deliver();
        return h.messenger.received.slice(-1);
      }),
  );
  expect(big).toBe('文件太大（5 MB），导入台账最多 2 MB。请只留项目表，另存后再发送。');
  expect(await answer(h.sendFile('window', 'a.xlsx', ledger), 'window')).toBe(
    '只有管理员、重点项目办可以发送文件导入台账。其他事项请发送文字命令，例如「帮助」。',
  );
  expect(await answer(h.say('window', '确认导入'), 'window')).toBe('「确认导入」只有管理员、重点项目办可以使用。发送「帮助」查看你能用的命令。');

  await h.sendFile('office', 'a.xlsx', ledger);
  h.clock.advanceMinutes(31);
  expect(await answer(h.say('office', '确认导入'))).toBe('导入预览已过期（30 分钟内有效），请重新发送文件。');
  expect(await h.prisma.project.count()).toBe(0);
});

it('reads a platform file after the message, answers with its dry run, and asks again when it cannot be read', async () => {
  // A platform's file arrives as a handle (DingTalk's downloadCode); a local fake stands for the platform.
  const reads: string[] = [];
  const p = await createHarness({
    jobs: {
      files: {
        local: async (download) => {
          reads.push(download);
          if (download === 'expired') throw new Error('downloadCode有误或已过期');
          return { size: ledger.length, bytes: ledger };
        },
      },
    },
  });
  try {
    const file = (download: string) =>
      p.app.receive({
        platform: 'local',
        type: 'file',
        account: 'office',
        name: '台账.xlsx',
        size: 0,
        download,
        dedupKey: download,
        at: p.clock.now().toISOString(),
      });
    await file('code-1');
    await p.app.processInbound();
    await p.app.runJobs();
    await p.app.deliver();
    expect(reads).toEqual(['code-1']);
    expect(p.textsTo('office').at(-1)).toMatch(/^导入预览「台账\.xlsx」：新建 30 个/);
    await p.say('office', '确认导入');
    expect(await p.prisma.project.count()).toBe(30);

    await file('expired');
    await p.app.processInbound();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await p.app.runJobs();
      p.clock.advanceMinutes(3);
    }
    await p.app.deliver();
    expect(reads.filter((read) => read === 'expired')).toHaveLength(3);
    expect(p.textsTo('office').at(-1)).toBe('读取文件「台账.xlsx」失败，请重新发送。');
  } finally {
    await p.close();
  }
});
