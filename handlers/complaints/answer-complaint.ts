// 答复投诉 C3 <答复>: the written answer to an enterprise's complaint (001 投产 二(五)2 书面答复), sent to
// the contact who filed it and kept verbatim in 档案; the other answerers hear it was answered, and the
// complaint is no longer reminded or escalated (cron/chase-complaints.ts). Only 重点项目办 and the
// project's 包抓领导 answer (core/recipients/find-complaint-answerers.ts).
import type { RegisteredContext } from '../context.js';
import { hasRole } from '../../domain/access/project-access.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { findPerson } from '../../core/recipients/find-people.js';
import { lockComplaint, lockProject } from '../../prisma/lock-rows.js';
import { findComplaintAnswerers } from '../../core/recipients/find-complaint-answerers.js';

const usage = '答复投诉 C3 已协调自然资源局，本周内出具意见';
/** The complaint number first (C3, 3, Ｃ３), then any spaces, colons or commas before the answer. */
const COMPLAINT_REF = /^([CcＣｃ]?[0-9０-９]+)(?![0-9０-９])[\s:：，,、]*/;

export async function answerComplaint(ctx: RegisteredContext): Promise<void> {
  const typed = COMPLAINT_REF.exec(ctx.args.trim());
  const id = typed ? parseNumberRef(typed[1]!, 'C') : undefined;
  if (id === undefined) return ctx.reply(`请写明投诉编号，例如「${usage}」。`);
  const found = await ctx.tx.complaint.findUnique({ where: { id }, select: { projectId: true } });
  if (!found) return ctx.reply(`没有找到投诉 C${id}。`);
  // Project, then complaint, then read again: of two answers at once on two instances, the second sees the first.
  await lockProject(ctx.tx, found.projectId);
  await lockComplaint(ctx.tx, id);
  const complaint = await ctx.tx.complaint.findUniqueOrThrow({ where: { id }, include: { project: true } });
  const { project } = complaint;
  if (!hasRole(ctx.sender, 'project_office') && project.leaderId !== ctx.sender.id)
    return ctx.reply(`投诉 C${id} 由重点项目办或 P${project.id} 的包抓领导答复，你不能答复。`);
  if (complaint.answeredAt) {
    const by = await findPerson(ctx.tx, complaint.answeredById);
    return ctx.reply(`投诉 C${id} 已于 ${formatShanghai(complaint.answeredAt)} 由${by?.name ?? '他人'}答复，无需再答复。`);
  }
  const text = ctx.args.trim().slice(typed![0].length).trim();
  if (!text) return ctx.reply(`请写明答复内容，例如「答复投诉 C${id} 已协调自然资源局，本周内出具意见」。`);

  await ctx.tx.complaint.update({ where: { id }, data: { answeredAt: ctx.now, answeredById: ctx.sender.id, answer: text } });
  await ctx.record({ kind: 'complaint.answered', projectId: project.id, after: { complaintId: id, text } });
  await ctx.send(complaint.personId, `【投诉答复】你对 P${project.id} ${project.name} 的投诉 C${id}，${ctx.sender.name}答复：${text}`);
  for (const personId of await findComplaintAnswerers(ctx.tx, project))
    if (personId !== ctx.sender.id) await ctx.send(personId, `投诉 C${id}（P${project.id} ${project.name}）已由${ctx.sender.name}答复：${text}`);
  const contact = await findPerson(ctx.tx, complaint.personId);
  await ctx.reply(`投诉 C${id} 已答复，答复已发给企业联络员${contact?.name ?? ''}。`);
}
