// A small roster and project for the escalation cycle tests: one unit with an agent and a
// 责任领导, the window, 重点项目办, the project's leader, and someone who must never be told.
import type { Db } from '../../prisma/open-database.js';
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar.js';
import { escalationDueAt } from '../../domain/escalation/plan-escalation.js';
import { defaultPolicy, type Policy } from '../../domain/policy.js';
import { createPeople, outboxRecipients } from '../support/create-people.js';

export const policy: Policy = defaultPolicy;

export async function seedRoster(prisma: Db): Promise<{ projectId: number; unitId: number }> {
  const unit = await prisma.unit.create({ data: { name: '市生态环境局', key: '生态环境局' } });
  const other = await prisma.unit.create({ data: { name: '市自然资源局', key: '自然资源局' } });
  const ids = await createPeople(prisma, [
    { account: 'leader', name: '县领导甲', roles: ['county_leader'] },
    { account: 'agent', name: '沈倩', unitId: unit.id, roles: ['agent'] },
    { account: 'unit.leader', name: '于鑫', unitId: unit.id, roles: ['unit_leader'] },
    { account: 'window', name: '专窗小李', roles: ['window'] },
    { account: 'office', name: '重点项目办小赵', roles: ['project_office'] },
    { account: 'bystander', name: '自然资源局代办员', unitId: other.id, roles: ['agent'] },
    { account: 'gone', name: '已调离', unitId: unit.id, roles: ['agent'], active: false },
  ]);
  const project = await prisma.project.create({ data: { name: '光伏组件项目', investmentWan: 35000, service: 'approving', leaderId: ids.get('leader')! } });
  return { projectId: project.id, unitId: unit.id };
}

/**
 * A posted call whose timer was started the way 派单 starts it, with one task per item name (one
 * item unless `items` names more); returns the first task's id, which the call's events carry.
 */
export async function postCard(
  prisma: Db,
  at: { projectId: number; unitId: number; postedAt: Date; items?: string[] },
  options: Partial<Policy> = {},
): Promise<number> {
  const ackDueAt = escalationDueAt(1, at.postedAt, { ...policy, ...options }, createWorkingCalendar());
  const call = await prisma.call.create({
    data: { projectId: at.projectId, unitId: at.unitId, postedAt: at.postedAt, ackDueAt, nextEscalationAt: ackDueAt },
  });
  const ids: number[] = [];
  for (const [index, itemName] of (at.items ?? ['环境影响评价审批']).entries()) {
    const task = await prisma.task.create({
      data: { projectId: at.projectId, unitId: at.unitId, callId: call.id, itemCode: `HB-0${index + 1}`, itemName, phase: 1, postedAt: at.postedAt },
    });
    ids.push(task.id);
  }
  return ids[0]!;
}

/** Who was told what, as "recipient: text" lines, oldest first. */
export async function toldSoFar(prisma: Db): Promise<{ recipient: string; text: string }[]> {
  return (await outboxRecipients(prisma)).map(({ recipient, text }) => ({ recipient, text }));
}

/** How many times each person was shown each task number, as "recipient T7" → count (a grouped notice names many). */
export async function taskNumbersShown(prisma: Db): Promise<Map<string, number>> {
  const shown = new Map<string, number>();
  for (const { recipient, text } of await toldSoFar(prisma)) {
    for (const [, taskId] of text.matchAll(/T(\d+) /g)) shown.set(`${recipient} T${taskId}`, (shown.get(`${recipient} T${taskId}`) ?? 0) + 1);
  }
  return shown;
}
