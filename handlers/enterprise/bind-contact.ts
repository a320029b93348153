// 绑定 <绑定码>: the only command open to people outside the roster. A valid code links the sender
// as the project's enterprise contact (企业联络员, 002 五(五)); wrong codes are throttled to
// policy.bindFailuresPerHour per sender, and every answer to a stranger says nothing about projects.
import type { HandlerContext } from '../context.js';
import { checkBindCode, normalizeBindCode } from '../../domain/enterprise/bind-code.js';
import { commandLine } from '../shared/command-line.js';
import { notifyWindow } from '../shared/notify.js';

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
  await ctx.reply(`绑定成功：你是 P${project.id} ${project.name} 的企业联络员。发送「进度」查看办理情况。`);
}
