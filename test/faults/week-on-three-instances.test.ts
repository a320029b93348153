// Three server processes on one PostgreSQL through a simulated week (Monday 2026-12-07 to Sunday
// 12-13), all reading one clock (CLOCK_FILE, bot/file-clock.ts) that the test moves for all of them
// at once: each digest occurrence, each escalation step and each reply reaches its reader exactly
// once (docs/architecture.md "Several instances"). The clock moves only when the outbox is empty,
// as a real clock never jumps over a send in flight.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useFaultRig } from './fault-rig.js';
import { writeClockFile } from '../../bot/file-clock.js';
import { describeOutbox, startBot, waitFor, writePolicy, type BotInstance } from './bot-process.js';
import { deliveriesPerRow } from './fake-wecom-server.js';
import { escalationsShown } from './delivered-once.js';
import { postText } from './post-callback.js';

const PROJECTS = 3;
const MONDAY = Date.parse('2026-12-07T00:00:00+08:00');
const MOVED = /clock moved: what came due has run/g;

const rig = useFaultRig();

it('sends each digest, escalation step and reply once across three instances for a week', async () => {
  const prisma = rig.database.prisma;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'xmgj-week-')), 'clock');
  /** Day 0 is Monday; "09:05" in Asia/Shanghai. */
  const at = (day: number, time: string) => new Date(MONDAY + day * 86_400_000 + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3))) * 60_000);
  let now = at(0, '07:00');
  writeClockFile(clockFile, now);
  const bots: BotInstance[] = [];
  let moves = 0;
  const settle = async (what: string) =>
    waitFor(
      what,
      async () =>
        (await prisma.inbound.count({ where: { processedAt: null } })) === 0 &&
        (await prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0,
      60_000,
      () => describeOutbox(prisma, bots),
    );
  /** Moves the one clock for all three processes; waits until each has run what came due and the outbox is empty. */
  const moveTo = async (to: Date) => {
    now = to;
    writeClockFile(clockFile, now);
    moves += 1;
    await waitFor(
      `every instance to notice the clock at ${now.toISOString()}`,
      () => bots.every((bot) => (bot.output().match(MOVED) ?? []).length >= moves),
      30_000,
    );
    await settle(`the outbox to empty at ${now.toISOString()}`);
  };
  let messages = 0;
  /** A person's message through WeCom to the instance the load balancer picks; waits for the reply. */
  const say = async (from: string, text: string) => {
    messages += 1;
    const before = rig.wecom.delivered.filter((item) => item.to === from).length;
    expect((await postText(bots[messages % 3]!, text, from, 7_500_000_000_000_000_000n + BigInt(messages), now)).status).toBe(200);
    // WeCom sends some callbacks twice (its retry), to another instance.
    if (messages % 4 === 0) await postText(bots[(messages + 1) % 3]!, text, from, 7_500_000_000_000_000_000n + BigInt(messages), now);
    await waitFor(
      `the reply to ${from}: ${text}`,
      () => rig.wecom.delivered.filter((item) => item.to === from).length > before,
      30_000,
      () => describeOutbox(prisma, bots),
    );
    await settle(`the outbox to empty after ${text}`);
  };

  const taken: number[] = [];
  const started = Date.now();
  const policyFile = writePolicy({ officeHours: 'always' });
  try {
    for (let index = 0; index < 3; index += 1) bots.push(await startBot(rig.location.location, rig.wecom.url, policyFile, { CLOCK_FILE: clockFile }));
    expect(bots.every((bot) => bot.output().includes('the clock is simulated'))).toBe(true);

    // Monday morning: the window registers and dispatches three projects, a few minutes apart.
    for (let n = 1; n <= PROJECTS; n += 1) {
      await moveTo(new Date(now.getTime() + 2 * 60_000));
      await say('window', `登记项目\n名称：周演练项目${n}\n投资：3亿\n行业：新能源\n包抓领导：县领导甲\n责任单位：自然资源局`);
      const project = await prisma.project.findFirstOrThrow({ where: { name: `周演练项目${n}` }, select: { id: true } });
      for (const step of ['受理', '组建团队', '方案']) await say('window', `${step} P${project.id}`);
      const items = await prisma.planItem.findMany({ where: { projectId: project.id }, orderBy: { id: 'asc' } });
      const firstPerUnit = new Map<number, string>();
      for (const item of items) if (item.unitId !== null && !firstPerUnit.has(item.unitId)) firstPerUnit.set(item.unitId, item.itemName);
      await say('window', `派单 P${project.id} ${[...firstPerUnit.values()].join(' ')}`);
      // The first project's first card is taken at once by its unit's agent; the others are left to escalate.
      if (n === 1) {
        const task = await prisma.task.findFirstOrThrow({ where: { projectId: project.id }, orderBy: { id: 'asc' }, select: { id: true, unitId: true } });
        const agent = await prisma.account.findFirstOrThrow({ where: { platform: 'wecom', person: { unitId: task.unitId, roles: { has: 'agent' } } } });
        await say(agent.account, `报到 T${task.id}`);
        taken.push(task.id);
      }
    }

    // The week: each schedule time, an hour after, and the evening; the units answer on Tuesday.
    for (let day = 0; day < 7; day += 1) {
      for (const time of ['08:35', '09:05', '10:00', '11:00', '16:05', '18:00']) {
        if (at(day, time) <= now) continue;
        await moveTo(at(day, time));
        if (day === 1 && time === '10:00') await say('zrzy.agent', `问题 P1 土地摘牌未完成 建议：协调自然资源局`);
        if (day === 2 && time === '10:00') await say('leader.a', '提交例会 Q1 请主要领导协调用地指标');
      }
    }
    await moveTo(at(7, '07:00'));
  } finally {
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((bot) => bot.exited));
  }

  // Every outbox row went out (alone, or bundled into another: bot/outbox/bundle-notices.ts), each
  // exactly once, and nobody saw the same text twice.
  // Texts carry their row's mark (test/bot/wecom/wecom-fixtures.ts readMark); cards and files do not.
  const rows = await prisma.outbox.findMany({ select: { id: true, status: true, kind: true } });
  expect(rows.filter((row) => row.status !== 'sent' && row.status !== 'bundled')).toEqual([]);
  const marked = rows.filter((row) => row.status === 'sent' && (row.kind === 'text' || row.kind === 'markdown'));
  const perRow = deliveriesPerRow(rig.wecom.delivered);
  expect(marked.filter((row) => perRow.get(row.id) !== 1).map((row) => `${row.id}×${perRow.get(row.id) ?? 0}`)).toEqual([]);
  expect(perRow.size).toBe(marked.length);
  const unmarked = rig.wecom.delivered.filter((item) => item.outboxId === null && item.api !== 'appchat/create');
  expect(unmarked).toHaveLength(rows.filter((row) => row.status === 'sent').length - marked.length);
  // Each project's group chat is created once (a job, bot/jobs/), not by each instance.
  expect(rig.wecom.delivered.filter((item) => item.api === 'appchat/create').map((item) => item.to)).toHaveLength(PROJECTS);
  const perText = new Map<string, number>();
  for (const item of rig.wecom.delivered) perText.set(`${item.to}: ${item.text}`, (perText.get(`${item.to}: ${item.text}`) ?? 0) + 1);
  expect([...perText].filter(([, count]) => count > 1).map(([text]) => text.slice(0, 120))).toEqual([]);

  // Each message handled once, though some callbacks came twice, and its replies delivered once (above).
  expect(await prisma.inbound.count()).toBe(messages);
  expect(await prisma.outbox.count({ where: { reply: true } })).toBeGreaterThanOrEqual(messages);

  // Each occurrence of the week once: the daily ones on the five working days, the weekly chain.
  const sent = (await prisma.event.findMany({ where: { kind: 'schedule.sent' }, orderBy: { id: 'asc' } })).map(
    (event) => (event.after as { occurrence: string }).occurrence,
  );
  expect(new Set(sent).size).toBe(sent.length);
  expect(sent.filter((key) => key.startsWith('daily-tasks:'))).toHaveLength(5);
  for (const job of ['weekly-tue:', 'weekly-wed:', 'weekly-fri:'])
    expect(
      sent.filter((key) => key.startsWith(job)),
      job,
    ).toHaveLength(1);
  const shown = (to: string, pattern: RegExp) =>
    rig.wecom.delivered.filter((item) => item.to === to && item.text.split('\n\n').some((part) => pattern.test(part))).length;
  expect(shown('zrzy.agent', /本周问题征集/), 'Tuesday ask to the responsible unit').toBe(1);
  expect(shown('leader.main', /重点项目周例会议题/), 'Friday agenda').toBe(1);

  // Each escalation step once for each untaken card — 30 and 60 minutes, then a chase each working morning
  // (docs/domain.md "Calls") — whichever instance fired it; none for the taken one.
  const tasks = await prisma.task.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const untaken = tasks.map((task) => task.id).filter((id) => !taken.includes(id));
  expect(untaken.length).toBeGreaterThan(0);
  const stepsOf = new Map<number, number[]>();
  for (const event of await prisma.event.findMany({ where: { kind: 'task.escalated' }, select: { taskId: true, after: true }, orderBy: { id: 'asc' } }))
    stepsOf.set(event.taskId!, [...(stepsOf.get(event.taskId!) ?? []), (event.after as { escalationStep: number }).escalationStep]);
  expect([...stepsOf.keys()].sort((a, b) => a - b)).toEqual(untaken);
  for (const id of untaken) {
    const steps = stepsOf.get(id)!;
    // Chased past the 60-minute step, every step once and in order.
    expect(steps.length, `T${id}`).toBeGreaterThanOrEqual(4);
    expect(steps, `T${id}`).toEqual(steps.map((_, index) => index + 1));
  }
  const toWindow = escalationsShown(rig.wecom.delivered, 'window');
  const toOffice = escalationsShown(rig.wecom.delivered, 'office');
  for (const id of untaken) {
    expect(toWindow.get(id), `step 1 for T${id}`).toBe(1);
    expect(toOffice.get(id), `step 2 for T${id}`).toBeGreaterThanOrEqual(1);
  }
  for (const id of taken) expect(toWindow.get(id), `no step for the taken T${id}`).toBeUndefined();
  console.log(
    `a simulated week: ${moves} clock moves, ${messages} messages, ${rig.wecom.delivered.length} deliveries in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}, 240_000);
