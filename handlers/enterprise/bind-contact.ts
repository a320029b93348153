// 绑定 <绑定码>: the only command open to people outside the roster. A valid code links the sender
// as the project's enterprise contact (企业联络员, 002 五(五)); wrong codes are throttled to
// policy.bindFailuresPerHour per sender and, since a guess names no project and senders can be invented,
// to policy.bindFailuresPerHourAll across all senders — every live code's budget. Every answer to a
// stranger says nothing about projects, and a refusal names who can issue a new code (`绑定码 P3`).
// The materials told before anyone was bound (the window relayed them by hand) reach the new contact
// in one message, so the enterprise holds the same lists as the archive (一次性告知, 002 五(五)).
import type { Project } from '../../generated/prisma/client.js';
import type { HandlerContext } from '../context.js';
import { checkBindCode, normalizeBindCode } from '../../domain/enterprise/bind-code.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { findPeople } from '../../core/recipients/find-people.js';
import { commandLine } from '../shared/command-line.js';
import { lockProject } from '../../prisma/lock-rows.js';
import { notifyWindow } from '../shared/notify.js';
import { readMaterialNotices, type MaterialNotice } from './read-material-notices.js';

const HOUR_MS = 60 * 60 * 1000;
const ASK_FOR_NEW = '请联系专窗或重点项目办重发绑定码。';

export async function bindContact(ctx: HandlerContext): Promise<void> {
  const senderKey = `${ctx.event.platform}:${ctx.event.account}`;
  const since = new Date(ctx.now.getTime() - HOUR_MS);
  const failures = await ctx.tx.bindAttempt.count({ where: { sender: senderKey, ok: false, at: { gt: since } } });
  if (failures >= ctx.policy.bindFailuresPerHour) return ctx.reply('绑定码错误次数过多，请一小时后再试，或联系专窗。');
  const allFailures = await ctx.tx.bindAttempt.count({ where: { ok: false, at: { gt: since } } });
  if (allFailures >= ctx.policy.bindFailuresPerHourAll) return refusePaused(ctx, allFailures);

  const code = normalizeBindCode(commandLine(ctx).args.join(''));
  const row = code ? await ctx.tx.bindCode.findFirst({ where: { code }, orderBy: { id: 'desc' } }) : null;
  const check = row ? checkBindCode(row, ctx.now) : null;
  // Only a code that does not exist is a guess; a real one already used or expired counts toward no limit, so
  // contacts retrying an old code (or two racing with one) never pause binding for everyone.
  await ctx.tx.bindAttempt.create({ data: { sender: senderKey, at: ctx.now, ok: row !== null } });
  if (!row || !check?.ok)
    return ctx.reply(
      check?.ok === false && check.code === 'BIND_CODE_USED'
        ? USED
        : `绑定码不正确或已过期（6 位数字，${ctx.policy.bindCodeValidDays} 天内有效）。${ASK_FOR_NEW}`,
    );

  // The project first (prisma/lock-rows.ts), then the code consumed only while still unused:
  // of two binds racing with one code exactly one wins (docs/architecture.md "Several instances").
  await lockProject(ctx.tx, row.projectId);
  const consumed = await ctx.tx.bindCode.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: ctx.now } }, data: { usedAt: ctx.now } });
  if (consumed.count === 0) return ctx.reply(USED);
  const project = await ctx.tx.project.findUniqueOrThrow({ where: { id: row.projectId } });
  const person = await contactPerson(ctx, project);
  await ctx.tx.bindCode.update({ where: { id: row.id }, data: { usedById: person.id } });
  await ctx.tx.project.update({ where: { id: project.id }, data: { contactPersonId: person.id } });
  await ctx.tx.event.create({
    data: {
      at: ctx.now,
      actorId: person.id,
      actorRole: 'enterprise',
      channel: ctx.channel,
      kind: 'project.contact_bound',
      projectId: project.id,
      before: { contactPersonId: project.contactPersonId },
      after: { contactPersonId: person.id },
    },
  });
  await notifyWindow(ctx, `${person.name} 已绑定为 P${project.id} ${project.name} 的企业联络员。`);
  const notices = await readMaterialNotices(ctx.tx, project.id);
  if (notices.length > 0) await ctx.send(person.id, formatNoticesSoFar(project, notices));
  const sent = notices.length > 0 ? '此前已告知的材料另行发给你。' : '';
  await ctx.reply(`绑定成功：你是 P${project.id} ${project.name} 的企业联络员。${sent}发送「进度」查看办理情况。`);
}

const USED = `这个绑定码已经用过了，一个码只能绑定一次。${ASK_FOR_NEW}`;

/**
 * The person behind the account the code came from: the sender; or, for an account the roster left
 * (deactivated by a reload) or an earlier contact's, the same person back as a contact only — an
 * account belongs to one person, so a second person would never save; else a new contact.
 */
async function contactPerson(ctx: HandlerContext, project: Project): Promise<{ id: number; name: string }> {
  if (ctx.sender) {
    if (ctx.sender.roles.includes('enterprise')) return ctx.sender;
    return ctx.tx.person.update({ where: { id: ctx.sender.id }, data: { roles: { push: 'enterprise' } } });
  }
  const account = await ctx.tx.account.findUnique({ where: { platform_account: { platform: ctx.event.platform, account: ctx.event.account } } });
  if (account) return ctx.tx.person.update({ where: { id: account.personId }, data: { active: true, roles: ['enterprise'] } });
  return ctx.tx.person.create({
    data: {
      name: project.contactName || '企业联络员',
      mobile: project.contactMobile,
      roles: ['enterprise'],
      // The account they wrote from is how the bot reaches them from now on.
      accounts: { create: { platform: ctx.event.platform, account: ctx.event.account, lastSeenAt: ctx.now } },
    },
  });
}

/** Binding paused for everyone this hour; the window and 重点项目办 are told once an hour that someone is guessing. */
async function refusePaused(ctx: HandlerContext, failures: number): Promise<void> {
  const hour = ctx.now.toISOString().slice(0, 13);
  const coordinators = [...(await findPeople(ctx.tx, 'window')), ...(await findPeople(ctx.tx, 'project_office'))];
  for (const person of coordinators)
    await ctx.send(person.id, `近一小时有 ${failures} 次错误的绑定码，可能有人在猜码，绑定暂停一小时。企业联络员如受影响，请一小时后再发「绑定 绑定码」。`, {
      dedupKey: `bind-paused:${hour}:${person.id}`,
    });
  await ctx.reply('近一小时绑定码错误次数过多，绑定暂停，请一小时后再试，或联系专窗。');
}

/** One message with every item's list as it stands, supplements included, and when each went out. */
function formatNoticesSoFar(project: { id: number; name: string }, notices: MaterialNotice[]): string {
  const lines = [`【已告知材料】P${project.id} ${project.name} 在你绑定前已告知以下材料：`];
  for (const notice of notices) {
    const when = [
      ...(notice.noticedAt ? [`一次性告知 ${formatShanghai(notice.noticedAt)}`] : []),
      ...notice.supplementedAt.map((at) => `补充告知 ${formatShanghai(at)}`),
    ];
    lines.push(`「${notice.itemName}」（${[notice.unitName, ...when].join('，')}）：`);
    lines.push(...notice.materials.map((material, index) => `${index + 1}. ${material}`));
  }
  return lines.join('\n');
}
