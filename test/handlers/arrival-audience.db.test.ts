// 报到 after an escalation tells the people the escalation told — as recorded in its event, not as the
// roster stands at 报到 (use-cases/find-arrival-audience.ts): a 重点项目办 member added later hears
// nothing, the 包抓领导 who was told hears even after the project's leader changed.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject, recipients, runEscalation } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
});
afterEach(async () => {
  await h.close();
});

it('tells whom the escalation told that the unit came, as the escalation recorded them', async () => {
  await h.say('window', '派单 P1 环评');
  h.clock.advanceMinutes(31);
  await runEscalation(h);
  h.clock.advanceMinutes(30);
  expect(recipients(await runEscalation(h)).sort()).toEqual(['leader.a', 'office']);
  // After the steps: 督查中心小孙 becomes 重点项目办 too, and the project loses its 包抓领导.
  const inspector = await h.prisma.person.findFirstOrThrow({ where: { name: '督查中心小孙' } });
  await h.prisma.person.update({ where: { id: inspector.id }, data: { roles: { push: 'project_office' } } });
  await h.prisma.project.update({ where: { id: 1 }, data: { leaderId: null } });

  const received = await h.say('sthj.agent', '报到 T1');
  const arrived = 'T1 环境影响评价审批（P1）已由市生态环境局 生态环境局代办员报到，用时 1 小时 1 分钟（超时）。';
  expect(
    received
      .filter((item) => item.text === arrived)
      .map((item) => item.recipient)
      .sort(),
  ).toEqual(['leader.a', 'office', 'sthj.leader', 'window']);
});
