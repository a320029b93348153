// 评价 [项目] <1-5> [意见]: the enterprise rates the service after 办结 or 终止 (满意度评价表,
// 002 五(九)). A contact with one ended service may leave the project out (`评价 5 服务很好`).
// One rating per ended service: rating again replaces it (the event log keeps the earlier one) and the
// window hears of the change once; the same rating sent twice changes nothing. A score of 2 or less is a
// complaint to follow up (002 五(九)): 重点项目办 and the 包抓领导 are told, with a 回访 deadline of
// policy.ratingComplaintWorkingDays working days (cron/remind-rating-complaints.ts reminds when it passes).
import type { Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import type { CommandLine } from '../../domain/commands/parse-command-line.js';
import { serviceEnded } from '../../domain/project/service-state.js';
import { addWorkingDays } from '../../domain/calendar/add-working-days.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { addCalendarDays, shanghaiDate, shanghaiInstant } from '../../domain/calendar/shanghai-time.js';
import { findPeople } from '../../core/recipients/find-people.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { lockProject } from '../../prisma/lock-rows.js';
import { notifyLeader, notifyWindow } from '../shared/notify.js';

const isScore = (word: string | undefined) => word !== undefined && /^[1-5]分?$/.test(word.normalize('NFKC'));
const SCORE_AND_SEPARATORS = /^\S+?分?(?=[\s，,、；;:：]|$)[\s，,、；;:：]*/;

export async function rateService(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  // `评价 P3 5`, `评价 光伏 5` and `评价 12 5` name the project; `评价 5 服务很好` does not.
  const named = line.refs[0]?.kind === 'P' || (line.refs.length === 0 && line.args.length > 0) || isScore(line.args[1]);
  const target = named ? await namedProject(ctx, line) : await onlyEndedProject(ctx);
  if (typeof target === 'string') return ctx.reply(target);
  // Locked, then read again (prisma/lock-rows.ts): two 评价 of one project run one after the other.
  await lockProject(ctx.tx, target.id);
  const project = await ctx.tx.project.findUniqueOrThrow({ where: { id: target.id } });
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

  const previous = await ctx.tx.rating.findUnique({ where: { projectId: project.id } });
  if (previous && previous.score === score && previous.comment === comment) return ctx.reply(`P${project.id} 已记为 ${score} 分，与上次相同，无需再发。`);
  const complaintOpen = previous !== null && previous.followUpDueAt !== null && previous.followedUpAt === null;
  const calendar = score <= 2 && !complaintOpen ? await loadWorkingCalendar(ctx.tx) : null;
  const today = shanghaiDate(ctx.now);
  const followUpBy = calendar ? addWorkingDays(calendar, today, ctx.policy.ratingComplaintWorkingDays) : null;
  const rating = { personId: ctx.sender.id, score, comment, at: ctx.now };
  const followUp = followUpBy ? { followUpDueAt: shanghaiInstant(addCalendarDays(followUpBy, 1)), followedUpAt: null, remindedAt: null } : {};
  await ctx.tx.rating.upsert({
    where: { projectId: project.id },
    create: { projectId: project.id, ...rating, ...followUp },
    update: { ...rating, ...followUp },
  });
  await ctx.record({
    kind: 'project.rated',
    projectId: project.id,
    before: previous ? { score: previous.score, comment: previous.comment } : undefined,
    after: { score, comment, ...(followUpBy && { followUpBy }) },
  });
  const said = comment ? `：${comment}` : '';
  await notifyWindow(
    ctx,
    previous
      ? `P${project.id} ${project.name} 企业评价改为 ${score} 分（原 ${previous.score} 分）${said}。`
      : `P${project.id} ${project.name} 获企业评价 ${score} 分${said}。`,
  );
  if (calendar && followUpBy) {
    const by = markProvisional(calendar, followUpBy, today);
    const text = `【差评跟进】P${project.id} ${project.name} 企业评价 ${score} 分${said}。请于 ${by} 前回访企业，回访后发「回访 P${project.id} 情况」。`;
    for (const office of await findPeople(ctx.tx, 'project_office')) await ctx.send(office.id, text);
    await notifyLeader(ctx, project, text);
  }
  const followed = followUpBy ? `重点项目办将在 ${ctx.policy.ratingComplaintWorkingDays} 个工作日内回访。` : '';
  await ctx.reply(`感谢评价！P${project.id} 记为 ${score} 分。${followed}`);
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
