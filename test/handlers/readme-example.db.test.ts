// The README's piped example runs as written: each line of its printf is one message from the window,
// and the project it registers has its 责任单位, a team, a plan and a dispatched card.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

it("runs the README's printf example as the window", async () => {
  const line = readFileSync('README.md', 'utf8')
    .split('\n')
    .find((text) => text.startsWith("printf '") && text.endsWith('| npm run chat -- --as window'));
  const messages = /^printf '(.*)\\n' \|/.exec(line ?? '')![1]!.split('\\n');
  expect(messages[0]).toMatch(/^登记项目 /);
  const replies: string[] = [];
  for (const message of messages) replies.push((await h.say('window', message)).at(-1)!.text);
  expect(replies[0]).toMatch(/^已登记 P1 光伏组件项目/);
  expect(replies[0]).not.toContain('未写责任单位');
  expect(replies.at(-1)).toMatch(/^已派单 1 项，1 个单位/);
  expect(h.textsTo('sthj.agent').some((text) => text.startsWith('【任务 T1 · 环境影响评价审批】'))).toBe(true);
  const { leadUnitId } = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
  expect((await h.prisma.unit.findUniqueOrThrow({ where: { id: leadUnitId! } })).name).toBe('市自然资源局');
});
