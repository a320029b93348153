// Two commands on one row from two people at once, on two instances (docs/architecture.md "Handlers
// lock what they change"): the row is locked after its project and each command starts from the
// state read after the lock, so the second sees the first. Found by a probe for problems: without the
// lock, 答复 racing 销号 reopened a closed problem (closed → answered in the event log) with both
// senders told "success". 修改项目 and the task commands (退回, 办结, 中止, 恢复) are held to the same rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../support/find-person.js';
import { repliesByAccount, startRaceCluster, type RaceCluster } from '../support/race-cluster.js';
import { REGISTER } from './story-steps.js';

const PAIRS = 50;
let cluster: RaceCluster;
beforeEach(async () => {
  cluster = await startRaceCluster();
  for (const text of [`${REGISTER}\n责任单位：自然资源局`, '受理 P1', '组建团队 P1']) {
    await cluster.send(0, 'window', text);
    await cluster.runOne();
  }
});
afterEach(async () => {
  await cluster.close();
});

/** PAIRS problems of P1 in `state`, reported by 自然资源局's agent; returns their ids. */
async function seedProblems(state: 'open' | 'answered'): Promise<number[]> {
  const { prisma, clock } = cluster;
  const reporter = await findPerson(prisma, 'zrzy.agent');
  const leader = await findPerson(prisma, 'leader.a');
  const data = Array.from({ length: PAIRS }, (_, index) => ({
    projectId: 1,
    reporterId: reporter.id,
    description: `竞争问题${index + 1}`,
    category: '其他',
    unitId: reporter.unitId,
    leaderId: leader.id,
    state,
    createdAt: clock.now(),
  }));
  return (await prisma.problem.createManyAndReturn({ data, select: { id: true } })).map((row) => row.id);
}

/** Each problem's logged steps must chain: every step starts from the state the one before it left, and none from 已销号. */
async function expectPossibleTransitions(ids: number[], from: string): Promise<Map<number, string[]>> {
  const events = await cluster.prisma.event.findMany({ where: { kind: { startsWith: 'problem.' } }, orderBy: { id: 'asc' } });
  const steps = new Map<number, string[]>();
  for (const id of ids) {
    let state = from;
    const kinds: string[] = [];
    for (const event of events.filter((entry) => (entry.before as { problemId: number }).problemId === id)) {
      const before = event.before as { state: string };
      expect(before.state, `Q${id}: ${event.kind} started from ${before.state}, not ${state}`).toBe(state);
      expect(before.state, `Q${id}: ${event.kind} after 销号`).not.toBe('closed');
      state = (event.after as { state: string }).state;
      kinds.push(event.kind);
    }
    steps.set(id, kinds);
  }
  return steps;
}

/**
 * Races `first` (from `firstAccount`, on instance 0) against 销号 (from office, on instance 1) on each
 * problem, then checks that every problem ends closed, that nobody is told of a step that was not
 * logged, and that a step refused because 销号 came first says the problem's state.
 */
async function race(first: { account: string; word: string; text: string; done: string; kind: string }, from: 'open' | 'answered') {
  const ids = await seedProblems(from);
  for (const id of ids) {
    await cluster.send(0, first.account, `${first.word} Q${id} ${first.text}`);
    await cluster.send(1, 'office', `销号 Q${id}`);
  }
  const started = performance.now();
  const replies = repliesByAccount(await cluster.runBoth());
  const seconds = (performance.now() - started) / 1000;

  const problems = await cluster.prisma.problem.findMany({ where: { id: { in: ids } } });
  expect(problems.filter((problem) => problem.state !== 'closed').map((problem) => problem.id)).toEqual([]);
  const steps = await expectPossibleTransitions(ids, from);
  let conflicts = 0;
  for (const id of ids) {
    const mine = (account: string) => (replies.get(account) ?? []).filter((text) => text.startsWith(`Q${id}（`) || text.startsWith(`Q${id} `));
    const firstReplies = mine(first.account);
    const closeReplies = mine('office');
    expect(closeReplies, `销号 Q${id}`).toEqual([expect.stringMatching(/已销号。$/)]);
    expect(firstReplies, `${first.word} Q${id}`).toHaveLength(1);
    const told = firstReplies[0]!.endsWith(`${first.done}。`);
    expect(steps.get(id), `Q${id}`).toEqual(told ? [first.kind, 'problem.closed'] : ['problem.closed']);
    if (!told) {
      conflicts += 1;
      // One success told per conflicting pair: the loser hears the state and what to do instead.
      expect(firstReplies[0]).toBe(`Q${id} 已销号，不能${first.word}。问题仍在的，请重新反映：问题 P1 <描述>`);
    }
  }
  return { conflicts, seconds };
}

describe('答复, 提交例会, 销号', () => {
  it('never reopens a closed problem when 答复 races 销号 on two instances, 50 times', { timeout: 120_000 }, async () => {
    const { conflicts, seconds } = await race({ account: 'window', word: '答复', text: '已协调住建局', done: '已答复', kind: 'problem.answered' }, 'open');
    console.info(`答复 vs 销号: ${conflicts}/${PAIRS} pairs where 销号 came first, ${seconds.toFixed(1)} s`);
    expect(await cluster.prisma.problemAnswer.count()).toBe(PAIRS - conflicts);
  });

  it('never sends a closed problem to the 周例会 when 提交例会 races 销号 on two instances, 50 times', { timeout: 120_000 }, async () => {
    const { conflicts, seconds } = await race(
      { account: 'leader.a', word: '提交例会', text: '请主要领导协调', done: '已提交周五例会', kind: 'problem.escalated' },
      'answered',
    );
    console.info(`提交例会 vs 销号: ${conflicts}/${PAIRS} pairs where 销号 came first, ${seconds.toFixed(1)} s`);
    expect(await cluster.prisma.problem.count({ where: { escalatedAt: { not: null } } })).toBe(PAIRS - conflicts);
  });
});

describe('修改项目', () => {
  it('keeps both edits when two people change different fields at once on two instances, 50 times', { timeout: 120_000 }, async () => {
    const started = performance.now();
    for (let round = 1; round <= PAIRS; round += 1) {
      await cluster.send(0, 'window', `修改项目 P1 目标任务：年底前开工 第${round}稿`);
      await cluster.send(1, 'office', `修改项目 P1 时间节点：${round} 月底前完成环评`);
      const replies = repliesByAccount(await cluster.runBoth());
      expect(replies.get('window'), `round ${round}`).toEqual([expect.stringMatching(/^已修改 P1 /)]);
      expect(replies.get('office'), `round ${round}`).toEqual([expect.stringMatching(/^已修改 P1 /)]);
      // No lost update: each edit stands, whichever ran second.
      expect(await cluster.prisma.project.findUniqueOrThrow({ where: { id: 1 } }), `round ${round}`).toMatchObject({
        targetTasks: `年底前开工 第${round}稿`,
        timeNodes: `${round} 月底前完成环评`,
      });
    }
    console.info(`修改项目 × 修改项目: ${PAIRS} rounds, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(await cluster.prisma.event.count({ where: { kind: 'project.edited' } })).toBe(2 * PAIRS);
  });
});

describe('退回, 办结, 中止, 恢复', () => {
  /** PAIRS items of 自然资源局 on P1, each in its own taken call, told their materials, in `state`; returns their ids. */
  async function seedTasks(state: 'taken' | 'suspended'): Promise<number[]> {
    const { prisma, clock } = cluster;
    const agent = await findPerson(prisma, 'zrzy.agent');
    const now = clock.now();
    const ids: number[] = [];
    for (let index = 1; index <= PAIRS; index += 1) {
      const call = await prisma.call.create({
        data: { projectId: 1, unitId: agent.unitId!, state: 'taken', postedAt: now, ackDueAt: now, takenAt: now, takenById: agent.id },
      });
      const task = await prisma.task.create({
        data: {
          projectId: 1,
          unitId: agent.unitId!,
          callId: call.id,
          itemCode: `RACE${index}`,
          itemName: `竞争事项${index}`,
          phase: 1,
          state,
          promisedDays: 5,
          postedAt: now,
          takenAt: now,
          noticedAt: now,
          ...(state === 'suspended' && { suspendedAt: now, suspensions: { create: { reason: '企业补正材料', from: now } } }),
        },
      });
      ids.push(task.id);
    }
    return ids;
  }

  /**
   * Races `first` (the unit's agent, instance 0) against `second` (its 责任领导, instance 1) on each
   * task. Both need the task in `from`, so exactly one changes it and is told so; the other is refused
   * by the state it finds. Returns in how many pairs the agent won.
   */
  async function raceTasks(from: 'taken' | 'suspended', first: string, second: string) {
    const ids = await seedTasks(from);
    for (const id of ids) {
      await cluster.send(0, 'zrzy.agent', `${first} T${id} 企业补正材料`);
      await cluster.send(1, 'zrzy.leader', `${second} T${id} 企业补正材料`);
    }
    const started = performance.now();
    const replies = repliesByAccount(await cluster.runBoth());
    const seconds = (performance.now() - started) / 1000;
    const events = await cluster.prisma.event.findMany({ where: { taskId: { in: ids } }, orderBy: { id: 'asc' } });
    const tasks = await cluster.prisma.task.findMany({ where: { id: { in: ids } }, include: { suspensions: true } });
    // Every command is answered once, success or refusal.
    for (const account of ['zrzy.agent', 'zrzy.leader']) expect(replies.get(account), account).toHaveLength(PAIRS);
    let agentWon = 0;
    for (const task of tasks) {
      let state: string = from;
      const mine = events.filter((event) => event.taskId === task.id);
      for (const event of mine) {
        expect((event.before as { state: string }).state, `T${task.id}: ${event.kind}`).toBe(state);
        state = (event.after as { state: string }).state;
      }
      expect(task.state, `T${task.id}`).toBe(state);
      // A success names the task (已办结 T7 …, T7 已中止计时…); a refusal says the state it found.
      const success = new RegExp(`^(已\\S+ T${task.id}(?!\\d)|T${task.id} 已)`);
      const told = ['zrzy.agent', 'zrzy.leader'].filter((account) => (replies.get(account) ?? []).some((text) => success.test(text)));
      expect(
        mine.map((event) => event.kind),
        `T${task.id}`,
      ).toHaveLength(1);
      expect(told, `T${task.id}: one success told`).toHaveLength(1);
      if (told[0] === 'zrzy.agent') agentWon += 1;
      // A suspension is open exactly while the task is suspended: none left open, none opened twice.
      expect(task.suspensions.filter((suspension) => suspension.until === null)).toHaveLength(task.state === 'suspended' ? 1 : 0);
    }
    return { agentWon, seconds };
  }

  it('lets exactly one of 退回 and 办结 change a task when they race on two instances, 50 times', { timeout: 120_000 }, async () => {
    const { agentWon, seconds } = await raceTasks('taken', '退回', '办结');
    console.info(`退回 vs 办结: 退回 won ${agentWon}/${PAIRS} pairs, ${seconds.toFixed(1)} s`);
  });

  it('lets exactly one of 中止 and 办结 change a task when they race on two instances, 50 times', { timeout: 120_000 }, async () => {
    const { agentWon, seconds } = await raceTasks('taken', '中止', '办结');
    console.info(`中止 vs 办结: 中止 won ${agentWon}/${PAIRS} pairs, ${seconds.toFixed(1)} s`);
  });

  it('resumes a task once when two people send 恢复 at once on two instances, 50 times', { timeout: 120_000 }, async () => {
    const { agentWon, seconds } = await raceTasks('suspended', '恢复', '恢复');
    console.info(`恢复 vs 恢复: the agent's won ${agentWon}/${PAIRS} pairs, ${seconds.toFixed(1)} s`);
  });
});
