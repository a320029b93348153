// 绑定: the one command open to strangers. A code links its sender to one project and nothing
// else; wrong codes are throttled; strangers learn nothing about any project.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { findPerson } from '../support/find-person.js';
import { createHarness, DEMO_ROSTER, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
let code: string;
beforeEach(async () => {
  h = await createHarness();
  code = await register(h);
  await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：王五 13700002222');
});
afterEach(async () => {
  await h.close();
});

/** A six-digit code no project holds. */
async function wrongCode(): Promise<string> {
  const taken = new Set((await h.prisma.bindCode.findMany()).map((row) => row.code));
  return ['000000', '000001', '000002'].find((candidate) => !taken.has(candidate))!;
}
const replyTo = (userid: string, received: { recipient: string; text: string }[]) => received.find((item) => item.recipient === userid)?.text;

describe('绑定', () => {
  it('links a stranger as the enterprise contact of that project only', async () => {
    const received = await h.say('ent.zhang', `绑定 ${code}`);
    expect(received.find((item) => item.recipient === 'ent.zhang')?.text).toBe('绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。');
    expect(received.find((item) => item.recipient === 'window')?.text).toBe('张三 已绑定为 P1 光伏组件项目 的企业联络员。');
    const person = await findPerson(h.prisma, 'ent.zhang');
    expect(person).toMatchObject({ name: '张三', roles: ['enterprise'] });

    const own = (await h.say('ent.zhang', '进度'))[0]?.text;
    expect(own).toContain('P1 光伏组件项目');
    // Guessing another project's number answers exactly like a number that does not exist.
    const guessed = (await h.say('ent.zhang', '进度 P2'))[0]?.text;
    expect(guessed).toBe((await h.say('ent.zhang', '进度 P99'))[0]?.text);
    expect(guessed).not.toContain('风电');
    expect((await h.say('ent.zhang', '进度 风电'))[0]?.text).toBe('没有找到这个项目，请检查编号或名称。');
    expect((await h.say('ent.zhang', '档案 P1'))[0]?.text).toMatch(/^「档案」只有/);
  });

  it('works once: the same code cannot bind a second person', async () => {
    await h.say('ent.zhang', `绑定 ${code}`);
    expect(replyTo('ent.other', await h.say('ent.other', `绑定 ${code}`))).toBe('这个绑定码已经用过了，一个码只能绑定一次。请联系专窗或重点项目办重发绑定码。');
  });

  it('expires after 7 days', async () => {
    h.clock.set('2026-12-01T10:00:00+08:00');
    expect((await h.say('ent.zhang', `绑定 ${code}`))[0]?.text).toMatch(/^绑定码不正确或已过期/);
  });

  it('allows 5 wrong tries an hour, then refuses even the right code until the hour has passed', async () => {
    const wrong = await wrongCode();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await h.say('guesser', `绑定 ${wrong}`))[0]?.text).toMatch(/^绑定码不正确或已过期/);
    }
    expect((await h.say('guesser', `绑定 ${code}`))[0]?.text).toBe('绑定码错误次数过多，请一小时后再试，或联系专窗。');
    h.clock.advanceMinutes(61);
    expect(replyTo('guesser', await h.say('guesser', `绑定 ${code}`))).toMatch(/^绑定成功/);
  });

  it('tells a stranger whom to ask for anything else, and nothing about projects', async () => {
    const [reply, ...others] = await h.say('stranger', '进度 P1');
    expect(others).toEqual([]);
    expect(reply?.text).toBe('你还不在项目管家的名册中，请联系管理员王小明登记；企业联络员请发送「绑定 绑定码」。');
  });

  it('caps wrong guesses across invented senders: 30 an hour in all, then binding pauses and the window and 重点项目办 are told once', async () => {
    const wrong = await wrongCode();
    // 40 senders nobody knows, one guess each, all waiting at once (each under the per-sender limit).
    for (let index = 1; index <= 40; index += 1)
      await h.app.receive({
        platform: 'local',
        type: 'text',
        account: `guess${index}`,
        text: `绑定 ${wrong}`,
        dedupKey: randomUUID(),
        at: h.clock.now().toISOString(),
      });
    while ((await h.app.processInbound()) > 0);
    await h.app.deliver();
    const answers = Array.from({ length: 40 }, (_, index) => h.textsTo(`guess${index + 1}`)[0]);
    expect(answers.filter((text) => text?.startsWith('绑定码不正确或已过期'))).toHaveLength(30);
    expect(answers.filter((text) => text === '近一小时绑定码错误次数过多，绑定暂停，请一小时后再试，或联系专窗。')).toHaveLength(10);
    // The project's real code from yet another sender waits too: guessing it is what the cap stops.
    expect(replyTo('guess41', await h.say('guess41', `绑定 ${code}`))).toBe('近一小时绑定码错误次数过多，绑定暂停，请一小时后再试，或联系专窗。');
    for (const coordinator of ['window', 'office'])
      expect(h.textsTo(coordinator).filter((text) => text.includes('可能有人在猜码'))).toEqual([
        '近一小时有 30 次错误的绑定码，可能有人在猜码，绑定暂停一小时。企业联络员如受影响，请一小时后再发「绑定 绑定码」。',
      ]);
    expect(await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ contactPersonId: null });
    h.clock.advanceMinutes(61);
    expect(replyTo('guess41', await h.say('guess41', `绑定 ${code}`))).toMatch(/^绑定成功/);
  });

  it('binds a person the roster dropped as themselves, reactivated as a contact, and the queue goes on', async () => {
    const rows = await readRosterFile(DEMO_ROSTER);
    await importRoster(
      h.prisma,
      rows.filter((row) => row.cells['企业微信账号'] !== 'fgw.agent'),
    );
    const before = await h.prisma.person.findFirstOrThrow({ where: { accounts: { some: { account: 'fgw.agent' } } } });
    expect(before.active).toBe(false);

    expect(replyTo('fgw.agent', await h.say('fgw.agent', `绑定 ${code}`))).toBe('绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。');
    const after = await h.prisma.person.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ active: true, roles: ['enterprise'] });
    expect(await h.prisma.person.count({ where: { accounts: { some: { account: 'fgw.agent' } } } })).toBe(1);
    expect(await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ contactPersonId: before.id });
    expect((await h.say('fgw.agent', '进度'))[0]?.text).toContain('P1 光伏组件项目');
    expect((await h.say('window', '帮助')).at(-1)?.text).toMatch(/，你可以使用这些命令：/);
    expect(await h.prisma.inbound.count({ where: { OR: [{ processedAt: null }, { failedAt: { not: null } }] } })).toBe(0);
  });

  it('says who issues a new code when it has expired', async () => {
    h.clock.set('2026-12-01T10:00:00+08:00');
    expect((await h.say('ent.zhang', `绑定 ${code}`))[0]?.text).toBe('绑定码不正确或已过期（6 位数字，7 天内有效）。请联系专窗或重点项目办重发绑定码。');
  });
});
