// 修改项目: coordinators correct a project's fields; every change is in the archive with before and after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await register(h);
});
afterEach(async () => {
  await h.close();
});

const reply = async (userid: string, text: string) => (await h.say(userid, text)).at(-1)?.text;

describe('修改项目', () => {
  it('changes fields, repeats them as understood, and records before and after without the mobile', async () => {
    const text = await reply('window', '修改项目 P1 投资：八亿元人民币，联系人：李四 13900002222，责任单位：国土局，土地摘牌日期：2026年12月1日');
    expect(text?.replace(/\d{6}/g, '######')).toBe(
      '已修改 P1 光伏组件项目：\n投资：3.5亿元 → 8亿元\n责任单位：（空） → 市自然资源局\n联系人：张三 139****1111 → 李四 139****2222\n土地摘牌日期：（空） → 2026-12-01\n' +
        'P1 企业联络员绑定码：######（7 天内有效，只能用一次）。此前的绑定码已作废。请转告李四：向项目管家发送「绑定 ######」。',
    );
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(Number(project.investmentWan)).toBe(80000);
    expect(project).toMatchObject({ contactName: '李四', contactMobile: '13900002222' });
    const [event] = await h.prisma.event.findMany({ where: { kind: 'project.edited' } });
    expect(event).toMatchObject({ projectId: 1, before: { 投资: '3.5亿元' }, after: { 投资: '8亿元', 联系人: '李四 139****2222' } });
    expect(JSON.stringify([event?.before, event?.after])).not.toContain('13900002222');
    expect(await reply('window', '档案 P1')).toContain('修改项目：投资由3.5亿元改为8亿元');
  });

  it('changes every field, each with its before and after in the archive', async () => {
    const cases: [string, string][] = [
      ['名称：光伏组件二期', '名称：光伏组件项目 → 光伏组件二期'],
      ['内容：年产 3GW 光伏组件', '内容：年产 2GW 光伏组件 → 年产 3GW 光伏组件'],
      ['投资：4亿', '投资：3.5亿元 → 4亿元'],
      ['行业：新材料', '行业：新能源 → 新材料'],
      ['责任单位：发改委', '责任单位：（空） → 市发展和改革委员会'],
      ['企业：某某光电公司', '企业：某某新能源公司 → 某某光电公司'],
      ['联系人：王五 13900003333', '联系人：张三 139****1111 → 王五 139****3333'],
      ['包抓领导：县领导乙', '包抓领导：县领导甲 → 县领导乙'],
      ['签约日期：2026-11-03', '签约日期：2026-11-02 → 2026-11-03'],
      ['土地摘牌日期：2026-12-01', '土地摘牌日期：（空） → 2026-12-01'],
      ['目标任务：2027年6月底前开工，年底投产', '目标任务：（空） → 2027年6月底前开工，年底投产'],
      ['时间节点：12月完成土地摘牌；3月取得施工许可', '时间节点：（空） → 12月完成土地摘牌；3月取得施工许可'],
      ['预计开工：2027年3月15日', '预计开工：（空） → 2027-03-15'],
    ];
    for (const [typed, line] of cases) expect(await reply('window', `修改项目 P1 ${typed}`), typed).toContain(line);
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(project).toMatchObject({
      name: '光伏组件二期',
      industry: '新材料',
      targetTasks: '2027年6月底前开工，年底投产',
      timeNodes: '12月完成土地摘牌；3月取得施工许可',
    });
    expect(project.expectedStartOn?.toISOString().slice(0, 10)).toBe('2027-03-15');
    expect(await h.prisma.event.count({ where: { kind: 'project.edited' } })).toBe(cases.length);
    const archive = (await reply('window', '档案 P1')) ?? '';
    expect(archive).toContain('修改项目：预计开工改为2027-03-15');
    expect(archive).toContain('修改项目：行业由新能源改为新材料');
  });

  it('refuses an over-long 目标任务 and 时间节点, and an unreadable 预计开工', async () => {
    expect(await reply('window', `修改项目 P1 目标任务：${'开'.repeat(201)}`)).toBe('目标任务最多 200 个字，请缩短后重发。');
    expect(await reply('window', `修改项目 P1 时间节点：${'节'.repeat(201)}`)).toBe('时间节点最多 200 个字，请缩短后重发。');
    expect(await reply('window', '修改项目 P1 预计开工：明年春天')).toBe(
      '看不懂预计开工「明年春天」，请写成 修改项目 P1 预计开工：2027-03-01（或2027年3月）。',
    );
    expect(await h.prisma.event.count({ where: { kind: 'project.edited' } })).toBe(0);
  });

  it('warns about a duplicate name and a drop below the threshold', async () => {
    await h.say('window', '登记项目 名称：储能电站 投资：2亿');
    const text = await reply('window', '修改项目 P2 名称：光伏组件项目 投资：30000000元');
    expect(text).toContain('名称：储能电站 → 光伏组件项目');
    expect(text).toContain('注意：P1 也叫「光伏组件项目」，请确认不是同一个项目。');
    expect(text).toContain('投资低于帮办代办标准 5000万元，项目不再纳入帮办代办。');
  });

  it('refuses unknown fields, over-long values, bad amounts, unknown units and other roles', async () => {
    expect(await reply('window', '修改项目 P1 投资额度：8亿')).toBe(
      '没有「投资额度」这个字段。你是不是指：投资？可以写的字段：名称、内容、投资、行业、责任单位、企业、联系人、包抓领导、签约日期、土地摘牌日期、目标任务、时间节点、预计开工、开工日期、投产日期、入库日期。例如：修改项目 P12 投资：8亿 联系人：张三 13800000000',
    );
    expect(await reply('window', `修改项目 P1 名称：${'光'.repeat(61)}`)).toBe('名称最多 60 个字，请缩短后重发。');
    expect(await reply('window', '修改项目 P1 投资：-8亿')).toBe('投资「-8亿」必须大于 0，请写成 3.5亿、8000万 或 30000000元。');
    expect(await reply('window', '修改项目 P1 责任单位：国土')).toBe('没有「国土」这个单位，你是不是指：自然资源局？');
    expect(await reply('window', '修改项目 P1')).toBe('请写明要改的字段和新值，例如：修改项目 P12 投资：8亿 联系人：张三 13800000000');
    expect(await reply('window', '修改项目 P1 投资：3.5亿')).toBe('P1 没有变化：新值与原值相同。');
    expect(await reply('sthj.agent', '修改项目 P1 投资：8亿')).toBe(
      '「修改项目」只有管理员、专窗、重点项目办、招商服务中心可以使用。发送「帮助」查看你能用的命令。',
    );
    expect(await h.prisma.event.count({ where: { kind: 'project.edited' } })).toBe(0);
  });
});
