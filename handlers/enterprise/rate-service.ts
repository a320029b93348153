// 评价 [项目] <1-5> [意见]: the enterprise rates the service after 办结 or 终止 (满意度评价表,
// 002 五(九)). A contact with one ended service may leave the project out (`评价 5 服务很好`).
// Rating again replaces the score; the event log keeps the earlier one.
import type { Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import type { CommandLine } from '../../domain/commands/parse-command-line.js';
import { serviceEnded } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyWindow } from '../shared/notify.js';

const isScore = (word: string | undefined) => word !== undefined && /^[1-5]分?$/.test(word.normalize('NFKC'));
const SCORE_AND_SEPARATORS = /^\S+?分?(?=[\s，,、；;:：]|$)[\s，,、；;:：]*/;

export async function rateService(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  // `评价 P3 5`, `评价 光伏 5` and `评价 12 5` name the project; `评价 5 服务很好` does not.
  const named = line.refs[0]?.kind === 'P' || (line.refs.length === 0 && line.args.length > 0) || isScore(line.args[1]);
  const target = named ? await namedProject(ctx, line) : await onlyEndedProject(ctx);
  if (typeof target === 'string') return ctx.reply(target);
  const project = target;
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

  const previous = await ctx.tx.rating.findUnique({ where: { projectId_personId: { projectId: project.id, personId: ctx.sender.id } } });
  await ctx.tx.rating.upsert({
    where: { projectId_personId: { projectId: project.id, personId: ctx.sender.id } },
    create: { projectId: project.id, personId: ctx.sender.id, score, comment, at: ctx.now },
    update: { score, comment, at: ctx.now },
  });
  await ctx.record({
    kind: 'project.rated',
    projectId: project.id,
    before: previous ? { score: previous.score, comment: previous.comment } : undefined,
    after: { score, comment },
  });
  await notifyWindow(ctx, `P${project.id} ${project.name} 获企业评价 ${score} 分${comment ? `：${comment}` : ''}。`);
  await ctx.reply(`感谢评价！P${project.id} 记为 ${score} 分。`);
}

async function namedProject(ctx: RegisteredContext, line: CommandLine): Promise<Project | string> {
  const lookup = await loadProject(ctx, line.args[0]);
  return lookup.ok ? lookup.project : describeProjectRefusal(lookup, '评价 P12 5 服务很好');
}

/** The contact's one project whose service has ended, or the sentence saying why there is none or which to name. */
async function onlyEndedProject(ctx: RegisteredContext): Promise<Project | string> {
  const bound = await ctx.tx.project.findMany({ where: { contactPersonId: ctx.sender.id }, orderBy: { id: 'asc' } });
  const ended = bound.filter((project) => serviceEnded(project.service));
  if (ended.length === 1) return ended[0]!;
  if (ended.length > 1) {
    const lines = ended.map((project) => `P${project.id} ${project.name}`);
    return [`你有 ${ended.length} 个项目的服务已结束，请写明评价哪一个，例如「评价 P${ended[0]!.id} 5 服务很好」：`, ...lines].join('\n');
  }
  if (bound.length === 0) return '你还没有绑定项目。请向专窗索取绑定码后发送「绑定 绑定码」。';
  if (bound.length === 1) return `P${bound[0]!.id} 的服务还没有办结，办结后再请你评价。`;
  return '你的项目服务都还没有办结，办结后再请你评价。';
}
