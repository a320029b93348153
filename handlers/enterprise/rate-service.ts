// 评价 [项目] <1-5> [意见] (use-cases/save-rating.ts): the enterprise rates the service after 办结 or 终止
// (满意度评价表, 002 五(九)). A contact with one ended service may leave the project out (`评价 5 服务很好`).
// The window hears of a rating or its change once; a score of 2 or less is a complaint to follow up
// (002 五(九)): 重点项目办 and the 包抓领导 are told, with the 回访 deadline.
import type { RegisteredContext } from '../context.js';
import { serviceEnded } from '../../domain/project/service-state.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { findRatedProject, saveRating, type RatedProject } from '../../use-cases/save-rating.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal } from '../shared/load-project.js';
import { notifyLeader, notifyWindow } from '../shared/notify.js';

const isScore = (word: string | undefined) => word !== undefined && /^[1-5]分?$/.test(word.normalize('NFKC'));
const SCORE_AND_SEPARATORS = /^\S+?分?(?=[\s，,、；;:：]|$)[\s，,、；;:：]*/;

export async function rateService(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  // `评价 P3 5`, `评价 光伏 5` and `评价 12 5` name the project; `评价 5 服务很好` does not.
  const named = line.refs[0]?.kind === 'P' || (line.refs.length === 0 && line.args.length > 0) || isScore(line.args[1]);
  const found = await findRatedProject(ctx, named ? { kind: 'named', ref: line.args[0] } : { kind: 'only-ended' });
  if (found.kind !== 'found') return ctx.reply(describeNoTarget(found));
  const { project } = found;
  if (project.contactPersonId !== ctx.sender.id) return ctx.reply('只有本项目的企业联络员可以评价。');
  if (!serviceEnded(project.service)) return ctx.reply(`P${project.id} 的服务还没有办结，办结后再请你评价。`);
  const scoreWord = named ? line.args[1] : line.args[0];
  const score = Number(scoreWord?.normalize('NFKC').replace(/分$/, ''));
  if (!Number.isInteger(score) || score < 1 || score > 5) return ctx.reply(`请给 1–5 分，例如「${named ? `评价 P${project.id} 5` : '评价 5'} 服务很好」。`);
  // The comment is free text, kept as typed (commas included) after the score.
  const comment = !named
    ? line.rest.replace(/^分[\s，,、；;:：]*/, '').trim()
    : line.refs.length > 0
      ? line.rest.replace(SCORE_AND_SEPARATORS, '').trim()
      : line.args.slice(2).join(' ').trim();

  const saved = await saveRating(ctx, project, score, comment);
  if (saved.kind === 'same') return ctx.reply(`P${project.id} 已记为 ${score} 分，与上次相同，无需再发。`);
  const { previous, followUp } = saved;
  const said = comment ? `：${comment}` : '';
  await notifyWindow(
    ctx,
    previous
      ? `P${project.id} ${project.name} 企业评价改为 ${score} 分（原 ${previous.score} 分）${said}。`
      : `P${project.id} ${project.name} 获企业评价 ${score} 分${said}。`,
  );
  if (followUp) {
    const by = markProvisional(followUp.calendar, followUp.by, shanghaiDate(ctx.now));
    const text = `【差评跟进】P${project.id} ${project.name} 企业评价 ${score} 分${said}。请于 ${by} 前回访企业，回访后发「回访 P${project.id} 情况」。`;
    for (const office of followUp.officeIds) await ctx.send(office, text);
    await notifyLeader(ctx, project, text);
  }
  const followed = followUp ? `重点项目办将在 ${ctx.policy.ratingComplaintWorkingDays} 个工作日内回访。` : '';
  await ctx.reply(`感谢评价！P${project.id} 记为 ${score} 分。${followed}`);
}

/** Why there is no project to rate, or which to name. */
function describeNoTarget(found: Exclude<RatedProject, { kind: 'found' }>): string {
  switch (found.kind) {
    case 'project-refused':
      return describeProjectRefusal(found.refusal, '评价 P12 5 服务很好');
    case 'several-ended': {
      const { ended } = found;
      const lines = ended.map((project) => `P${project.id} ${project.name}`);
      return [`你有 ${ended.length} 个项目的服务已结束，请写明评价哪一个，例如「评价 P${ended[0]!.id} 5 服务很好」：`, ...lines].join('\n');
    }
    case 'none-bound':
      return '你还没有绑定项目。请向专窗索取绑定码后发送「绑定 绑定码」。';
    case 'one-not-ended':
      return `P${found.projectId} 的服务还没有办结，办结后再请你评价。`;
    case 'none-ended':
      return '你的项目服务都还没有办结，办结后再请你评价。';
  }
}
