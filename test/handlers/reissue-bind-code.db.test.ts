// 绑定码 P1: the window or 重点项目办 issues the enterprise contact a new code, the old one void; a new 联系人
// (修改项目) gets one too; an expired code's refusal names who issues a new one (docs/domain.md "The
// enterprise's view").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
let first: string;
beforeEach(async () => {
  h = await createHarness();
  first = await register(h);
});
afterEach(async () => {
  await h.close();
});

const replyTo = async (account: string, text: string) => (await h.say(account, text)).at(-1)?.text ?? '';
const NEW_CODE = /^P1 企业联络员绑定码：(\d{6})（7 天内有效，只能用一次）。此前的绑定码已作废。请转告(\S+)：向项目管家发送「绑定 \1」。$/;

describe('绑定码', () => {
  it('from the window: a new code that binds, the old one void', async () => {
    const reply = await replyTo('window', '绑定码 P1');
    const [, code, who] = NEW_CODE.exec(reply) ?? [];
    expect(code, reply).toBeDefined();
    expect(who).toBe('张三');
    expect(code).not.toBe(first);
    expect(await replyTo('ent.zhang', `绑定 ${first}`)).toBe('绑定码不正确或已过期（6 位数字，7 天内有效）。请联系专窗或重点项目办重发绑定码。');
    expect(await replyTo('ent.zhang', `绑定 ${code}`)).toBe('绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。');
    expect(await replyTo('window', '档案 P1')).toContain('重发企业联络员绑定码，此前的绑定码作废');
    const events = await h.prisma.event.findMany({ where: { kind: 'project.bind_code_issued' }, select: { before: true, after: true } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it('after the week has passed, 重点项目办 issues one and the contact binds', async () => {
    h.clock.set('2026-12-01T10:00:00+08:00');
    expect(await replyTo('ent.zhang', `绑定 ${first}`)).toMatch(/请联系专窗或重点项目办重发绑定码。$/);
    const [, code] = NEW_CODE.exec(await replyTo('office', '绑定码 P1')) ?? [];
    expect(await replyTo('ent.zhang', `绑定 ${code}`)).toMatch(/^绑定成功/);
  });

  it('a new 联系人 gets a new code in the 修改项目 reply and binds with it', async () => {
    const reply = await replyTo('window', '修改项目 P1 联系人：李四 13900002222');
    const [, code, who] = NEW_CODE.exec(reply.split('\n').at(-1) ?? '') ?? [];
    expect(who, reply).toBe('李四');
    expect(await replyTo('ent.zhang', `绑定 ${first}`)).toMatch(/^绑定码不正确或已过期/);
    expect(await replyTo('ent.li', `绑定 ${code}`)).toMatch(/^绑定成功/);
    expect((await h.prisma.person.findFirstOrThrow({ where: { accounts: { some: { account: 'ent.li' } } } })).name).toBe('李四');
  });

  it('is for coordinators: an agent is told who may use it', async () => {
    expect(await replyTo('sthj.agent', '绑定码 P1')).toMatch(/^「绑定码」只有/);
    expect(await h.prisma.bindCode.count()).toBe(1);
  });
});
