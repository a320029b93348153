// Officials type as they type: free text with colons after the task, several references at once,
// no space after the command word, full-width letters, near-miss command words, unknown fields.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject, REGISTER } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 水保 施工许可');
});
afterEach(async () => {
  await h.close();
});

const last = async (userid: string, text: string) => (await h.say(userid, text)).at(-1)?.text;

describe('free text after the references', () => {
  it('keeps a result with a colon and brackets whole', async () => {
    await h.say('sthj.agent', '报到T1');
    expect(await last('sthj.agent', '办结 T1 批复文号：卫自然资预〔2026〕5号')).toBe('已办结 T1 环境影响评价审批，结果已送专窗和企业。');
    const task = await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } });
    expect(task.result).toBe('批复文号：卫自然资预〔2026〕5号');
  });

  it('sends the typed materials after 材料： (as 补充告知 to the list told at 派单), not the catalogue default', async () => {
    await h.say('sthj.agent', '报到 Ｔ１');
    expect(await last('sthj.agent', '告知 T1 材料：节能报告、项目备案证明')).toBe('已向企业补充告知 2 项材料，专窗已知悉。');
    const task = await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } });
    expect(task.noticeMaterials.slice(-2)).toEqual(['节能报告', '项目备案证明']);
  });

  it('takes the reason after 原因： for 退回 and 终止', async () => {
    await h.say('sthj.agent', '退回 T1 原因：缺少用地预审意见，环评报告未盖章');
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).returnReason).toBe('缺少用地预审意见，环评报告未盖章');
    expect(await last('window', '终止 P1 原因：企业主动撤回')).toMatch(/^P1 帮办代办服务已终止，原因：企业主动撤回/);
  });
});

describe('several references', () => {
  it("报到 alone lists the unit's waiting cards", async () => {
    expect(await last('swj.agent', '报到')).toBe(
      '你单位待报到 1 个任务（报到一个任务即接下它的全部事项）：\nP1 光伏组件项目：T2 水土保持方案审批 · 11-23 10:30 前报到\n发送「报到 T2」报到。',
    );
  });

  it("报到 P1 takes all of the unit's waiting cards of the project; 报到 T1，T3 takes both when allowed", async () => {
    expect(await last('swj.agent', '报到 P1')).toMatch(/^已报到 T2 水土保持方案审批（\d{4}-\d{2}-\d{2} 前办结）。/);
    const reply = await last('sthj.agent', '报到 T1，T3');
    expect(reply).toMatch(/^已报到 T1 环境影响评价审批.*\nT3：这个任务属于市住房和城乡建设局/);
  });
});

describe('command words', () => {
  it('asks about a near miss and runs nothing', async () => {
    expect(await last('sthj.agent', '报道 T1')).toBe('你是不是要「报到」？发送「报到 T1」。');
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('posted');
  });
});

describe('登记项目 fields', () => {
  it('reads fields separated by full-width commas and repeats the amount as understood', async () => {
    const reply = await last('window', '登记项目 名称：储能电站，投资：800000000元，企业：某某储能公司');
    expect(reply).toMatch(/^已登记 P2 储能电站（投资 8亿元，已签约）。/);
  });

  it('refuses an unknown field with the list of known ones', async () => {
    const reply = await last('window', '登记项目 名称：储能电站 投资额度：8亿');
    expect(reply).toMatch(
      /^没有「投资额度」这个字段。你是不是指：投资？可以写的字段：名称、内容、投资、行业、责任单位、企业、联系人、包抓领导、签约日期、土地摘牌日期、目标任务、时间节点、预计开工。/,
    );
    expect(await h.prisma.project.count()).toBe(1);
  });

  it('keeps 30000000元 below the 5,000万元 threshold and refuses an absurd amount', async () => {
    expect(await last('window', '登记项目 名称：小仓库 投资：30000000元')).toContain('投资低于帮办代办标准 5000万元');
    expect(await last('window', '登记项目 名称：大项目 投资：80000亿')).toBe('投资「80000亿」超过 1万亿元，请检查单位，例如 8亿、8000万 或 800000000元。');
  });
});

/** Registers the demo project again, as P2, P3…: the references officials typed name real projects. */
const registerMore = async (count: number) => {
  for (let index = 0; index < count; index += 1) await h.say('window', REGISTER.replace('光伏组件项目', `储能项目${index + 2}`));
};
const project = () => h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });

type Check = (reply: string | undefined) => Promise<void> | void;
// Issue 18 item 7: what officials typed and the bot missed, each with the literal input.
const typedCases: [string, string, string, Check, (() => Promise<unknown>)?][] = [
  [
    '收到 takes the one waiting call and says which',
    'sthj.agent',
    '收到',
    async (reply) => {
      expect(reply).toMatch(/^已报到 T1 环境影响评价审批（/);
      expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('taken');
    },
  ],
  ['收到了 too', 'swj.agent', '收到了', (reply) => expect(reply).toMatch(/^已报到 T2 水土保持方案审批（/)],
  [
    '收到 with two waiting calls lists them and takes none',
    'sthj.agent',
    '收到',
    async (reply) => {
      expect(reply).toMatch(/^你单位待报到 2 个任务/);
      expect(await h.prisma.call.count({ where: { state: 'taken' } })).toBe(0);
    },
    async () => {
      await registerMore(1);
      for (const step of ['受理 P2', '组建团队 P2', '方案 P2', '派单 P2 环评']) await h.say('window', step);
    },
  ],
  [
    '好的 takes nothing but lists what is waiting',
    'sthj.agent',
    '好的',
    async (reply) => {
      expect(reply).toMatch(/^你单位待报到 1 个任务/);
      expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('posted');
    },
  ],
  ['嗯 likewise', 'sthj.agent', '嗯', (reply) => expect(reply).toMatch(/^你单位待报到 1 个任务/)],
  ['收到 with nothing waiting names no task number', 'lyj.agent', '收到', (reply) => expect(reply).not.toMatch(/T\d/)],
  ['a near miss alone is hinted without an example number', 'lyj.agent', '报道', (reply) => expect(reply).toBe('你是不是要「报到」？发送「报到」。')],
  ['查询进度 is 进度', 'window', '查询进度', async (reply) => expect(reply).toBe(await last('window', '进度'))],
  ['P3 无问题', 'window', 'P3 无问题', (reply) => expect(reply).toBe('已记录：P3 储能项目3 本周无问题。'), () => registerMore(2)],
  ['P2本周无问题', 'window', 'P2本周无问题', (reply) => expect(reply).toBe('已记录：P2 储能项目2 本周无问题。'), () => registerMore(1)],
  ['制定方案, as the bot itself says', 'window', '制定方案 P1', async (reply) => expect(reply).toBe(await last('window', '方案 P1'))],
  [
    '电话： joins the contact',
    'window',
    '修改项目 P1 电话：13900002222',
    async () => {
      expect((await project()).contactMobile).toBe('13900002222');
    },
  ],
  [
    '联系电话： too',
    'window',
    '修改项目 P1 联系人：李四 联系电话：13900003333',
    async () => {
      expect(await project()).toMatchObject({ contactName: '李四', contactMobile: '13900003333' });
    },
  ],
  [
    '包抓领到： gets "did you mean"',
    'window',
    '修改项目 P1 包抓领到：县领导乙',
    (reply) => expect(reply).toMatch(/^没有「包抓领到」这个字段。你是不是指：包抓领导？/),
  ],
  [
    '@项目管家 报到T12 is 报到 (T12 does not exist)',
    'sthj.agent',
    '@项目管家 报到T12',
    (reply) => expect(reply).toBe('没有找到这个任务，请检查卡片上的任务编号。'),
  ],
  ['@项目管家 报到T1 takes it', 'sthj.agent', '@项目管家 报到T1', (reply) => expect(reply).toMatch(/^已报到 T1 /)],
  [
    'a landline is the contact phone, not part of the name',
    'window',
    '修改项目 P1 联系人：王会计 0878-6221234',
    async () => {
      expect(await project()).toMatchObject({ contactName: '王会计', contactMobile: '0878-6221234' });
    },
  ],
  [
    '消防 is not 人民防空办公室 when the roster has no fire-rescue unit',
    'window',
    '修改项目 P1 责任单位：消防',
    (reply) => expect(reply).toBe('名册中没有「消防」对应的单位（消防救援支队、消防救援大队、消防救援局），请管理员先把它加入名册。'),
  ],
  [
    '消防 is the fire-rescue unit',
    'window',
    '修改项目 P1 责任单位：消防',
    async () => {
      const unit = await h.prisma.unit.findFirstOrThrow({ where: { name: '市消防救援支队' } });
      expect((await project()).leadUnitId).toBe(unit.id);
    },
    () => h.prisma.unit.create({ data: { name: '市消防救援支队', key: '消防救援支队' } }),
  ],
  ['事项 供电 finds 电力接入', 'window', '事项 供电', (reply) => expect(reply).toMatch(/^GD-01 电力接入/)],
  [
    '预计开工：2027年3月 is a month',
    'window',
    '修改项目 P1 预计开工：2027年3月',
    async () => {
      expect((await project()).expectedStartOn?.toISOString().slice(0, 10)).toBe('2027-03-01');
    },
  ],
  [
    'a refused 预计开工 gets a future example',
    'window',
    '修改项目 P1 预计开工：明年春天',
    (reply) => expect(reply).toBe('看不懂预计开工「明年春天」，请写成 修改项目 P1 预计开工：2027-03-01（或2027年3月）。'),
  ],
  [
    "an enterprise's question gets a pointer to 进度",
    'ent.zhang',
    '我们的项目办到哪一步了？',
    (reply) => expect(reply).toBe('查看项目办到哪一步，请发送「进度」。其他命令请发送「帮助」查看。'),
  ],
];

describe('what officials typed (issue 18 item 7)', () => {
  it.each(typedCases)('%s: %s types %j', async (_name, account, text, check, before) => {
    await before?.();
    await check(await last(account, text));
  });
});
