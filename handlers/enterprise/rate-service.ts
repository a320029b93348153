// 评价 <项目> <1-5> [意见]: the enterprise rates the service after 办结 or 终止 (满意度评价表,
// 002 五(九)). Rating again replaces the score; the event log keeps the earlier one.
import type { RegisteredContext } from '../context.js';
import { serviceEnded } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyWindow } from '../shared/notify.js';

export async function rateService(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '评价 P12 5 服务很好'));
  const { project } = lookup;
  if (project.contactPersonId !== ctx.sender.id) return ctx.reply('只有本项目的企业联络员可以评价。');
  if (!serviceEnded(project.service)) return ctx.reply(`P${project.id} 的服务还没有办结，办结后再请你评价。`);
  const score = Number(line.args[1]?.replace(/分$/, ''));
  if (!Number.isInteger(score) || score < 1 || score > 5) return ctx.reply(`请给 1–5 分，例如「评价 P${project.id} 5 服务很好」。`);
  // The comment is free text, kept as typed (commas included) after the score.
  const comment = line.refs.length > 0 ? line.rest.replace(/^\S+?分?(?=[\s，,、；;:：]|$)[\s，,、；;:：]*/, '').trim() : line.args.slice(2).join(' ').trim();

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
