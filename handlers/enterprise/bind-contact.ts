// 绑定 <绑定码> (use-cases/bind-contact.ts): the only command open to people outside the roster; a valid code
// links the sender as the project's enterprise contact (企业联络员, 002 五(五)). Every answer to a
// stranger says nothing about projects, and a refusal names who can issue a new code (`绑定码 P3`).
// The materials told before anyone was bound (the window relayed them by hand) reach the new contact
// in one message, so the enterprise holds the same lists as the archive (一次性告知, 002 五(五)).
import type { HandlerContext } from '../context.js';
import { normalizeBindCode } from '../../domain/enterprise/bind-code.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { bindContact as bind } from '../../use-cases/bind-contact.js';
import type { MaterialNotice } from '../../use-cases/read-material-notices.js';
import { commandLine } from '../shared/command-line.js';
import { notifyWindow } from '../shared/notify.js';

const ASK_FOR_NEW = '请联系专窗或重点项目办重发绑定码。';
const USED = `这个绑定码已经用过了，一个码只能绑定一次。${ASK_FOR_NEW}`;

export async function bindContact(ctx: HandlerContext): Promise<void> {
  const { tx, now, policy, sender } = ctx;
  const code = normalizeBindCode(commandLine(ctx).args.join(''));
  const result = await bind({ tx, now, policy, sender, platform: ctx.event.platform, account: ctx.event.account }, code);
  if (result.kind === 'throttled') return ctx.reply('绑定码错误次数过多，请一小时后再试，或联系专窗。');
  if (result.kind === 'paused') return refusePaused(ctx, result.failures, result.coordinatorIds);
  if (result.kind === 'used') return ctx.reply(USED);
  if (result.kind === 'wrong') return ctx.reply(`绑定码不正确或已过期（6 位数字，${ctx.policy.bindCodeValidDays} 天内有效）。${ASK_FOR_NEW}`);
  const { person, project, notices } = result;
  await notifyWindow(ctx, `${person.name} 已绑定为 P${project.id} ${project.name} 的企业联络员。`);
  if (notices.length > 0) await ctx.send(person.id, formatNoticesSoFar(project, notices));
  const sent = notices.length > 0 ? '此前已告知的材料另行发给你。' : '';
  await ctx.reply(`绑定成功：你是 P${project.id} ${project.name} 的企业联络员。${sent}发送「进度」查看办理情况。`);
}

/** Binding paused for everyone this hour; the window and 重点项目办 are told once an hour that someone is guessing. */
async function refusePaused(ctx: HandlerContext, failures: number, coordinatorIds: readonly number[]): Promise<void> {
  const hour = ctx.now.toISOString().slice(0, 13);
  for (const id of coordinatorIds)
    await ctx.send(id, `近一小时有 ${failures} 次错误的绑定码，可能有人在猜码，绑定暂停一小时。企业联络员如受影响，请一小时后再发「绑定 绑定码」。`, {
      dedupKey: `bind-paused:${hour}:${id}`,
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
