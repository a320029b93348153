// 问题 P12 <描述> [建议：…] and 无问题 P12: a team's answer to Tuesday's ask (003 一(三)5(1):
// 每周二各项目服务专班牵头单位将需要研究解决问题及建议报县重点项目办). Each project's answer for the
// week is kept, so 16:00's reminder goes only to those who have not answered.
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { classifyProblem } from '../../domain/problems/classify-problem.js';
import { parseProblem, type ParsedProblem } from '../../domain/problems/parse-problem.js';
import { canReportProblem } from '../../domain/problems/problem-rules.js';
import { isoWeekKey } from '../../domain/schedule/iso-week.js';
import type { RegisteredContext } from '../context.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';

const usage = '问题 P12 土地摘牌未完成 建议：协调自然资源局';

export async function reportProblem(ctx: RegisteredContext): Promise<void> {
  return report(ctx, parseProblem(`问题 ${ctx.args}`));
}

export async function reportNoProblem(ctx: RegisteredContext): Promise<void> {
  const projectRef = ctx.args.trim().split(/\s+/)[0];
  return report(ctx, projectRef ? { ok: true, projectRef, none: true } : { ok: false, code: 'PROJECT_REQUIRED' });
}

async function report(ctx: RegisteredContext, parsed: ParsedProblem): Promise<void> {
  if (!parsed.ok) {
    return ctx.reply(parsed.code === 'PROJECT_REQUIRED' ? `请写明项目，例如「${usage}」；没有问题请发「无问题 P12」。` : `请写明问题，例如「${usage}」。`);
  }
  const lookup = await loadProject(ctx, parsed.projectRef);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, usage));
  const { project, audience } = lookup;
  const scope = { unitId: project.leadUnitId, leaderId: project.leaderId };
  if (!canReportProblem(ctx.sender, audience, scope)) return ctx.reply(`你不在 P${project.id} 的项目团队中，不能报送问题。`);
  const week = isoWeekKey(shanghaiDate(ctx.now));
  const answered = await ctx.tx.weeklyAnswer.findUnique({ where: { projectId_week: { projectId: project.id, week } } });

  if (parsed.none) {
    if (answered && !answered.none) return ctx.reply(`P${project.id} 本周已报送问题，无需再报无问题。`);
    await ctx.tx.weeklyAnswer.upsert({
      where: { projectId_week: { projectId: project.id, week } },
      create: { projectId: project.id, week, personId: ctx.sender.id, none: true, at: ctx.now },
      update: { personId: ctx.sender.id, at: ctx.now },
    });
    await ctx.record({ kind: 'problem.none_reported', projectId: project.id, after: { week } });
    return ctx.reply(`已记录：P${project.id} ${project.name} 本周无问题。`);
  }

  const category = classifyProblem(parsed.description, parsed.category);
  const problem = await ctx.tx.problem.create({
    data: {
      projectId: project.id,
      reporterId: ctx.sender.id,
      description: parsed.description,
      suggestion: parsed.suggestion,
      category,
      unitId: project.leadUnitId,
      leaderId: project.leaderId,
      createdAt: ctx.now,
    },
  });
  await ctx.tx.weeklyAnswer.upsert({
    where: { projectId_week: { projectId: project.id, week } },
    create: { projectId: project.id, week, personId: ctx.sender.id, none: false, at: ctx.now },
    update: { none: false, personId: ctx.sender.id, at: ctx.now },
  });
  await ctx.record({
    kind: 'problem.reported',
    projectId: project.id,
    after: { problemId: problem.id, category, description: parsed.description, suggestion: parsed.suggestion },
  });
  await ctx.reply(`已登记问题 Q${problem.id}（P${project.id} ${project.name}，${category}），周三汇总报包抓领导。`);
}
