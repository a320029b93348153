// 告知: the one-time notice of every material the enterprise must supply (一次性告知, 002 五(五);
// 004 三(二)1). Without a list the item's catalogue materials are used. It goes to the bound
// enterprise contact and to the window, which relays it when nobody is bound yet. One-time means
// once: a later notice for the same item is marked 补充告知 (and the window sees it as one), and
// the plain list is never sent twice, so the enterprise never holds two lists that disagree.
import type { RegisteredContext } from '../context.js';
import { splitList, stripLabel } from '../../domain/commands/parse-command-line.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';

export async function notifyMaterials(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const found = await loadOwnTask(ctx, taskIdOf(ctx, line.args[0]), ['taken', 'suspended']);
  if (!found.ok) return ctx.reply(describeTaskRefusal(found));
  const { task } = found;

  const typed = splitList(stripLabel(line.rest, ['材料', '所需材料', '材料清单']));
  const again = task.noticedAt !== null;
  if (again && typed.length === 0) {
    return ctx.reply(
      `T${task.id} 已于 ${formatShanghai(task.noticedAt!)} 一次性告知企业。如需补充材料，请写明：告知 T${task.id} 材料1 材料2（将作为补充告知发送）。`,
    );
  }
  const materials = typed.length > 0 ? typed : (task.planItem?.materials ?? []);
  if (materials.length === 0) return ctx.reply(`请写明材料，例如「告知 T${task.id} 营业执照 土地证」。`);

  // A supplement adds to what the enterprise was told; the first notice's time stays.
  const all = again ? [...task.noticeMaterials, ...materials.filter((material) => !task.noticeMaterials.includes(material))] : materials;
  await ctx.tx.task.update({ where: { id: task.id }, data: { noticeMaterials: all, ...(again ? {} : { noticedAt: ctx.now }) } });
  await ctx.record({
    kind: again ? 'task.notified_again' : 'task.notified',
    projectId: task.projectId,
    taskId: task.id,
    before: { noticeMaterials: task.noticeMaterials },
    after: { noticeMaterials: all },
  });
  const list = materials.map((material, index) => `${index + 1}. ${material}`).join('\n');
  const notice = again
    ? `【补充告知】P${task.projectId} ${task.project.name}「${task.itemName}」在已告知的材料之外，还需要（${task.unit.name} ${ctx.sender.name}）：\n${list}`
    : `【一次性告知】P${task.projectId} ${task.project.name}「${task.itemName}」需要以下材料（${task.unit.name} ${ctx.sender.name}）：\n${list}`;
  const told = await notifyEnterprise(ctx, task.project, notice);
  await notifyWindow(ctx, notice);
  const what = again ? `补充告知 ${materials.length} 项材料` : `告知企业 ${materials.length} 项材料`;
  await ctx.reply(told ? `已${what}。` : `已记录 ${materials.length} 项材料；企业联络员尚未绑定，专窗已收到，请其转告企业。`);
}
