// Steps several handler tests share, each through the chat as a person would type them.
import { expect } from 'vitest';
import type { Harness } from '../support/harness.js';
import type { Received } from '../support/recording-messenger.js';

export const REGISTER =
  '登记项目\n名称：光伏组件项目\n投资：3.5亿\n行业：新能源\n企业：某某新能源公司\n联系人：张三 13900001111\n包抓领导：县领导甲\n签约日期：2026-11-02\n建设内容：年产 2GW 光伏组件';

/** Registers the demo project as the window and returns its bind code. */
export async function register(h: Harness, text = REGISTER): Promise<string> {
  const [reply] = await h.say('window', text);
  const code = /绑定码：(\d{6})/.exec(reply?.text ?? '')?.[1];
  expect(code, reply?.text).toBeDefined();
  return code!;
}

/** Register, bind the enterprise contact, accept, form the team and make the plan. */
export async function preparePlannedProject(h: Harness): Promise<void> {
  const code = await register(h);
  await h.say('ent.zhang', `绑定 ${code}`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  await h.say('window', '方案 P1');
}

/** One pass of the escalation cycle at the harness clock, then delivery; returns what was sent. */
export async function runEscalation(h: Harness): Promise<Received[]> {
  const before = h.messenger.received.length;
  await h.app.escalate();
  await h.app.deliver();
  return h.messenger.received.slice(before);
}

/** "recipient: text" lines, to compare who received what. */
export function recipients(received: Received[]): string[] {
  return received.map((item) => item.recipient);
}
