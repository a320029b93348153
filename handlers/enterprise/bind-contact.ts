// 绑定 <绑定码>: the only command open to people outside the roster. A valid code links the sender
// as the project's enterprise contact (企业联络员, 002 五(五)); wrong codes are throttled to
// policy.bindFailuresPerHour per sender, and every answer to a stranger says nothing about projects.
// The materials told before anyone was bound (the window relayed them by hand) reach the new contact
// in one message, so the enterprise holds the same lists as the archive (一次性告知, 002 五(五)).
import type { HandlerContext } from '../context.js';
import { checkBindCode, normalizeBindCode } from '../../domain/enterprise/bind-code.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { notifyWindow } from '../shared/notify.js';
import { readMaterialNotices, type MaterialNotice } from './read-material-notices.js';

const HOUR_MS = 60 * 60 * 1000;

export async function bindContact(ctx: HandlerContext): Promise<void> {
  const senderKey = `${ctx.event.platform}:${ctx.event.account}`;
  const failures = await ctx.tx.bindAttempt.count({ where: { sender: senderKey, ok: false, at: { gt: new Date(ctx.now.getTime() - HOUR_MS) } } });
  if (failures >= ctx.policy.bindFailuresPerHour) return ctx.reply('绑定码错误次数过多，请一小时后再试，或联系专窗。');

  const code = normalizeBindCode(commandLine(ctx).args.join(''));
  const row = code ? await ctx.tx.bindCode.findFirst({ where: { code, usedAt: null }, include: { project: true }, orderBy: { id: 'desc' } }) : null;
  const valid = row !== null && checkBindCode(row, ctx.now).ok;
  await ctx.tx.bindAttempt.create({ data: { sender: senderKey, at: ctx.now, ok: valid } });
  if (!row || !valid) return ctx.reply('绑定码不正确或已过期，请向专窗确认（绑定码为 6 位数字，7 天内有效）。');

  const { project } = row;
  const person = ctx.sender
    ? await ctx.tx.person.update({
        where: { id: ctx.sender.id },
        data: { roles: ctx.sender.roles.includes('enterprise') ? undefined : { push: 'enterprise' } },
      })
    : await ctx.tx.person.create({
        data: {
          name: project.contactName || '企业联络员',
          mobile: project.contactMobile,
          roles: ['enterprise'],
          // The account they wrote from is how the bot reaches them from now on.
          accounts: { create: { platform: ctx.event.platform, account: ctx.event.account, lastSeenAt: ctx.now } },
        },
      });
  await ctx.tx.bindCode.update({ where: { id: row.id }, data: { usedAt: ctx.now, usedById: person.id } });
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
