// 投诉 [P12] <内容>: an enterprise contact's complaint about its project (001 投产 二(五)2 建立健全受理企业
// 投诉、举报制度; 002 六(二) 投诉举报制度). It gets a number (C3), is kept verbatim, and its answerers
// (core/recipients/find-complaint-answerers.ts) are told the day to answer by: the profile's
// ratingComplaintWorkingDays working days (domain/complaints/complaint-deadlines.ts).
import type { RegisteredContext } from '../context.js';
import { complaintDeadlines } from '../../domain/complaints/complaint-deadlines.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { findComplaintAnswerers } from '../../core/recipients/find-complaint-answerers.js';

const FIRST_WORD = /^\S+?(?=[\s，,、；;:：]|$)[\s，,、；;:：]*/;

export async function fileComplaint(ctx: RegisteredContext): Promise<void> {
  const bound = await ctx.tx.project.findMany({ where: { contactPersonId: ctx.sender.id }, orderBy: { id: 'asc' }, select: { id: true, name: true } });
  if (bound.length === 0) return ctx.reply('你还没有绑定项目。请向专窗索取绑定码后发送「绑定 绑定码」。');
  const line = commandLine(ctx);
  // `投诉 P3 …` names the project; a contact with one project may leave it out; with several, the first
  // word names it (`投诉 光伏 …`), like 评价 and 进度.
  const named = line.refs[0]?.kind === 'P' || bound.length > 1;
  const lookup = await loadProject(ctx, named ? line.args[0] : `P${bound[0]!.id}`);
  if (!lookup.ok) {
    if (lookup.code !== 'PROJECT_REQUIRED' && lookup.code !== 'PROJECT_NOT_FOUND')
      return ctx.reply(describeProjectRefusal(lookup, `投诉 P${bound[0]!.id} 材料反复要求补正`));
    const lines = bound.map((project) => `P${project.id} ${project.name}`);
    return ctx.reply([`请写明投诉哪个项目，例如「投诉 P${bound[0]!.id} 材料反复要求补正」：`, ...lines].join('\n'));
  }
  const { project } = lookup;
  if (project.contactPersonId !== ctx.sender.id) return ctx.reply('只有本项目的企业联络员可以投诉。');
  const text = (!named ? ctx.args : line.refs.length > 0 ? line.rest : line.rest.replace(FIRST_WORD, '')).trim();
  if (!text) return ctx.reply(`请写明投诉内容，例如「投诉${named ? ` P${project.id}` : ''} 材料反复要求补正」。`);

  const calendar = await loadWorkingCalendar(ctx.tx);
  const due = complaintDeadlines(calendar, ctx.now, ctx.policy.ratingComplaintWorkingDays, ctx.policy.deadlineReminder.time);
  const complaint = await ctx.tx.complaint.create({
    data: {
      projectId: project.id,
      personId: ctx.sender.id,
      text,
      at: ctx.now,
      replyBy: new Date(`${due.replyBy}T00:00:00Z`),
      remindAt: due.remindAt,
      escalateAt: due.escalateAt,
    },
  });
  await ctx.record({ kind: 'complaint.filed', projectId: project.id, after: { complaintId: complaint.id, text, replyBy: due.replyBy } });
  const by = markProvisional(calendar, due.replyBy, shanghaiDate(ctx.now));
  const notice = `【企业投诉】C${complaint.id} P${project.id} ${project.name}，企业联络员${ctx.sender.name}：${text}\n请于 ${by} 前书面答复，发「答复投诉 C${complaint.id} 答复内容」。`;
  for (const personId of await findComplaintAnswerers(ctx.tx, project)) await ctx.send(personId, notice);
  await ctx.reply(`已收到投诉 C${complaint.id}（P${project.id} ${project.name}），将于 ${by} 前书面答复你。`);
}
