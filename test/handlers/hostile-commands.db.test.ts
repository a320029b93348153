// Hostile and absurd commands: injected markdown, 10,000-character fields and free text, control
// characters, impossible amounts and dates, another project's number from an enterprise contact.
// Each gets one clear Chinese answer to its sender, and nothing changes: no event, no message to
// anyone else. Markdown that does get stored (free text) never renders as a link or a heading.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
let code: string;
beforeEach(async () => {
  h = await createHarness();
  code = await register(h);
  await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：王五 13700002222');
  await h.say('ent.zhang', `绑定 ${code}`);
});
afterEach(async () => {
  await h.close();
});

/** Sends `text` and checks that only its sender heard back and the event log did not grow; returns the answer. */
async function refused(account: string, text: string): Promise<string> {
  const events = await h.prisma.event.count();
  const outbox = await h.prisma.outbox.count();
  const received = await h.say(account, text);
  expect(received.map((item) => item.recipient)).toEqual([account]);
  expect(await h.prisma.event.count()).toBe(events);
  expect(await h.prisma.outbox.count()).toBe(outbox + 1);
  return received[0]!.text;
}

const long = '长'.repeat(10_000);

describe('登记项目 with hostile fields', () => {
  it('refuses markdown and HTML in a field: links, headings, <font>', async () => {
    expect(await refused('window', '登记项目 名称：**[点我](http://x)** 投资：3亿')).toBe('名称里不能有链接、标题或排版符号，请只写文字。');
    expect(await refused('window', '登记项目\n名称：# 标题\n投资：3亿')).toBe('名称里不能有链接、标题或排版符号，请只写文字。');
    expect(await refused('window', '登记项目 名称：光伏 投资：3亿 企业：<font color="warning">某某公司</font>')).toBe(
      '企业里不能有链接、标题或排版符号，请只写文字。',
    );
    expect(await h.prisma.project.count()).toBe(2);
  });

  it('refuses a look-alike name with a zero-width or direction character', async () => {
    const sentence = '名称里有看不见的字符（零宽或文字方向符号），多是复制带来的，请手动输入后重发。';
    expect(await refused('window', '登记项目 名称：风电装备\u200b制造项目 投资：3亿')).toBe(sentence);
    expect(await refused('window', '登记项目 名称：风电装备制造项目\u200f 投资：3亿')).toBe(sentence);
    expect(await refused('window', '修改项目 P2 名称：风电\u2060装备制造项目')).toBe(sentence);
    expect((await h.prisma.project.findMany({ select: { name: true }, orderBy: { id: 'asc' } })).map((project) => project.name)).toEqual([
      expect.any(String),
      '风电装备制造项目',
    ]);
  });

  it('refuses 10,000-character fields with the limit', async () => {
    expect(await refused('window', `登记项目 名称：光伏 投资：3亿 建设内容：${'年产光伏组件'.repeat(100)}`)).toBe('内容最多 500 个字，请缩短后重发。');
    expect(await refused('window', `登记项目 名称：${long} 投资：3亿`)).toBe('消息太长（最多 5000 字），请分几条发送。');
  });

  it('refuses negative, zero and absurd amounts and impossible dates', async () => {
    expect(await refused('window', '登记项目 名称：光伏 投资：-3亿')).toBe('投资「-3亿」必须大于 0，请写成 3.5亿、8000万 或 30000000元。');
    expect(await refused('window', '登记项目 名称：光伏 投资：0')).toBe('投资「0」必须大于 0，请写成 3.5亿、8000万 或 30000000元。');
    expect(await refused('window', '登记项目 名称：光伏 投资：99999999亿')).toBe(
      '投资「99999999亿」超过 1万亿元，请检查单位，例如 8亿、8000万 或 800000000元。',
    );
    expect(await refused('window', '登记项目 名称：光伏 投资：1e9')).toBe('看不懂投资「1e9」，请写成 3.5亿、8000万、三千万 或 30000000元。');
    expect(await refused('window', '登记项目 名称：光伏 投资：3亿 签约日期：2026-02-30')).toBe('看不懂签约日期「2026-02-30」，请写成 2026-11-23。');
    expect(await refused('window', '修改项目 P1 投资：-1')).toMatch(/^投资「-1」必须大于 0/);
    expect(await refused('window', '开工 P1 2026-13-01')).toMatch(/^看不懂/);
  });

  it('reads a command with control characters as WeCom shows it, stripped, and refuses direction marks', async () => {
    for (const text of ['登记项目 名称：光伏\u202e目项 投资：3亿', '进度 P1\u2066'])
      expect(await refused('window', text)).toBe('消息里有不可见的文字方向符号，请删去后重新发送。');
    const [progress] = await h.say('window', '进度\u0008 P1');
    expect(progress!.text).toContain('P1 光伏组件项目\n服务：未受理');
    await h.say('window', '登记项目 名称：储能\u0007项目 投资：3亿 责任单位：发改委');
    expect(await h.prisma.project.count({ where: { name: '储能项目' } })).toBe(1);
  });
});

describe('free text', () => {
  it('refuses a 10,000-character problem or result, and never echoes an unknown long command in full', async () => {
    await h.say('window', '受理 P1');
    await h.say('window', '组建团队 P1');
    expect(await refused('window', `问题 P1 ${long}`)).toBe('消息太长（最多 5000 字），请分几条发送。');
    const unknown = await refused('window', `乱${'码'.repeat(1_500)}`);
    expect(unknown.length).toBeLessThan(80);
    expect(unknown).toBe('没有「乱码码码码码码码码码…」这个命令。发送「帮助」查看你能用的命令。');
  });

  it('keeps markdown typed into a problem from rendering in the Wednesday digest', async () => {
    await h.app.runSchedules(); // the first pass only marks what is open
    await h.say('window', '受理 P1');
    await h.say('window', '组建团队 P1');
    await h.say('window', '问题 P1 **[点我](http://x)** <font color="warning">急</font>\n# 标题');
    h.clock.set('2026-11-25T10:00:00+08:00');
    await h.app.runSchedules();
    await h.app.deliver();
    const digests = h.messenger.to('leader.a').filter((item) => item.message.kind === 'markdown');
    expect(digests.length).toBeGreaterThan(0);
    const text = digests.map((item) => (item.message.kind === 'markdown' ? item.message.text : '')).join('\n');
    expect(text).toContain('点我');
    expect(text).not.toMatch(/\]\(|<font|^#|\*\*\[/m);
  });

  // Issue 16: the probe's problem text was struck through, linked and called the whole group.
  it('keeps strikethrough, @所有人/@all and bare addresses typed into a problem from acting in the digest', async () => {
    await h.app.runSchedules();
    await h.say('window', '受理 P1');
    await h.say('window', '组建团队 P1');
    await h.say('window', '问题 P1 ~~用地已解决~~ @所有人 详见 http://evil.example/a 或 www.evil.example @all');
    h.clock.set('2026-11-25T10:00:00+08:00');
    await h.app.runSchedules();
    await h.app.deliver();
    const digests = h.messenger.to('leader.a').filter((item) => item.message.kind === 'markdown');
    const text = digests.map((item) => (item.message.kind === 'markdown' ? item.message.text : '')).join('\n');
    expect(text).toContain('～～用地已解决～～ ＠所有人 详见 http：//evil.example/a 或 www．evil.example ＠all');
    expect(text).not.toMatch(/~~|@所有人|@all|:\/\/|www\./);
  });
});

describe("another project's number from an enterprise contact", () => {
  it('answers as for a number that does not exist, and changes nothing', async () => {
    await h.say('window', '终止 P2 企业主动撤回');
    const missing = '没有找到这个项目，请检查编号或名称。';
    expect(await refused('ent.zhang', '进度 P2')).toBe(missing);
    expect(await refused('ent.zhang', '评价 P2 5')).toBe(missing);
    expect(await refused('ent.zhang', '问题 P2 用地')).toBe(missing);
    expect(await refused('ent.zhang', '修改项目 P2 投资：1亿')).toMatch(/^「修改项目」只有/);
    expect(await h.prisma.rating.count()).toBe(0);
  });
});
