// 答复 Q5 <说明>, 提交例会 Q5 <意见>, 销号 Q5: a problem's steps after it is reported
// (003 一(三)5(1): 分管县领导难以协调解决的问题，由其签署意见后，于周五提交…重点项目周例会).
// Each step is logged, and the people waiting on it are told.
import { problemStateNames, mayAct, transitionProblem, type ProblemAction, type ProblemState } from '../../domain/problems/problem-rules.js';
import type { RegisteredContext } from '../context.js';
import { findPeople, findPerson } from '../../core/recipients/find-people.js';
import { loadProblem } from './load-problem.js';

const steps = {
  answer: {
    word: '答复',
    usage: '答复 Q5 已协调自然资源局，本周内摘牌',
    needsText: '请写明答复内容',
    refused: '只有项目团队的单位、包抓领导和专窗、重点项目办可以答复',
  },
  escalate: {
    word: '提交例会',
    usage: '提交例会 Q5 建议由主要领导协调用地指标',
    needsText: '请写明你签署的意见',
    refused: '只有这个项目的包抓领导可以签署意见提交例会',
  },
  close: { word: '销号', usage: '销号 Q5', needsText: null, refused: '只有包抓领导、重点项目办和主要领导可以销号' },
} as const;

/** The problem number first (Q5, 5, Ｑ５), then any spaces, colons or commas before the text. */
const PROBLEM_REF = /^([QqＱｑ]?[0-9０-９]+)(?![0-9０-９])[\s:：，,、]*/;

export function changeProblem(action: ProblemAction) {
  const step = steps[action];
  return async function run(ctx: RegisteredContext): Promise<void> {
    // `答复Q1：已协调` as well as `答复 Q1 已协调`: the text after the number is kept as typed.
    const typed = PROBLEM_REF.exec(ctx.args.trim());
    const text = typed ? ctx.args.trim().slice(typed[0].length).trim() : '';
    const lookup = await loadProblem(ctx, typed?.[1], step.usage);
    if (!lookup.ok) return ctx.reply(lookup.text);
    const { problem, project, audience } = lookup;
    if (!mayAct(ctx.sender, action, { unitId: problem.unitId, leaderId: problem.leaderId, teamUnitIds: audience.unitIds }))
      return ctx.reply(`${step.refused}。`);
    if (step.needsText && !text) return ctx.reply(`${step.needsText}，例如「${step.usage}」。`);
    // The state read after the lock (load-problem.ts): what another instance committed first counts.
    const change = transitionProblem(problem.state as ProblemState, action);
    if (!change.ok) {
      const refused = `Q${problem.id} ${problemStateNames[problem.state as ProblemState]}，不能${step.word}。`;
      return ctx.reply(change.code === 'PROBLEM_CLOSED' ? `${refused}问题仍在的，请重新反映：问题 P${project.id} <描述>` : refused);
    }

    await ctx.tx.problem.update({
      where: { id: problem.id },
      data: {
        state: change.to,
        ...(action === 'escalate' && { leaderOpinion: text, escalatedAt: ctx.now }),
        ...(action === 'close' && { closedAt: ctx.now }),
      },
    });
    if (action === 'answer') await ctx.tx.problemAnswer.create({ data: { problemId: problem.id, personId: ctx.sender.id, text, at: ctx.now } });
    await ctx.record({
      kind: `problem.${action === 'answer' ? 'answered' : action === 'escalate' ? 'escalated' : 'closed'}`,
      projectId: project.id,
      before: { problemId: problem.id, state: problem.state },
      after: { problemId: problem.id, state: change.to, ...(text && { text }) },
    });

    const subject = `Q${problem.id}（P${project.id} ${project.name}：${problem.description}）`;
    const told = new Set<number>([ctx.sender.id]);
    const tell = async (personId: number | undefined, message: string) => {
      if (personId === undefined || told.has(personId)) return;
      told.add(personId);
      await ctx.send(personId, message);
    };
    const reporter = await findPerson(ctx.tx, problem.reporterId);
    if (action === 'answer') await tell(reporter?.id, `${ctx.sender.name}答复${subject}：${text}`);
    if (action === 'escalate') {
      for (const office of await findPeople(ctx.tx, 'project_office')) await tell(office.id, `${ctx.sender.name}签署意见，${subject}提交周五例会：${text}`);
      await tell(reporter?.id, `${subject}已由${ctx.sender.name}提交周五例会。`);
    }
    if (action === 'close') await tell(reporter?.id, `${subject}已销号。`);
    await ctx.reply(`${subject}${action === 'answer' ? '已答复' : action === 'escalate' ? '已提交周五例会' : '已销号'}。`);
  };
}
