// 告知: after the one-time notice sent at 派单 (一次性告知, 002 五(五); 004 三(二)1 —
// handlers/tasks/tell-dispatch-materials.ts), a unit's notice for one of its items is a 补充告知:
// it goes to the bound enterprise contact and the window is told, so the enterprise never holds
// two lists that disagree. `告知 T6 无需补充材料` records that the enterprise owes nothing more for
// the item, which 办结 needs when no materials were told (handlers/tasks/finish-task.ts).
import type { RegisteredContext } from '../context.js';
import { splitList, stripLabel } from '../../domain/commands/parse-command-line.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf, type OwnTask } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';

export const NO_MORE_MATERIALS = '无需补充材料';

export async function notifyMaterials(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const found = await loadOwnTask(ctx, await taskIdOf(ctx, line.args[0]), ['taken', 'suspended']);
  if (!found.ok) return ctx.reply(describeTaskRefusal(found));
  const { task } = found;

  if (line.rest.startsWith(NO_MORE_MATERIALS)) {
    if (task.noMoreMaterialsAt === null) await recordNoMoreMaterials(ctx, task);
    return ctx.reply(`已记录 T${task.id} ${task.itemName} 无需企业补充材料，办结时发送「办结 T${task.id} 结果」。`);
  }
  const materials = splitList(stripLabel(line.rest, ['材料', '所需材料', '材料清单', '补充材料']));
  if (materials.length === 0) {
    const told = task.noticedAt ? `T${task.id} 的材料已于 ${formatShanghai(task.noticedAt)} 一次性告知企业。` : '';
    return ctx.reply(`${told}如需补充，请写明：告知 T${task.id} 材料：材料1、材料2；没有需要补充的，请发送「告知 T${task.id} ${NO_MORE_MATERIALS}」。`);
  }

  // A supplement adds to what the enterprise was told; the first notice's time stays.
  const all = [...task.noticeMaterials, ...materials.filter((material) => !task.noticeMaterials.includes(material))];
  await ctx.tx.task.update({ where: { id: task.id }, data: { noticeMaterials: all, ...(task.noticedAt === null && { noticedAt: ctx.now }) } });
  await ctx.record({
    kind: 'task.notified_again',
    projectId: task.projectId,
    taskId: task.id,
    before: { noticeMaterials: task.noticeMaterials },
    after: { noticeMaterials: all, added: materials },
  });
  const list = materials.map((material, index) => `${index + 1}. ${material}`).join('\n');
  const notice = `【补充告知】P${task.projectId} ${task.project.name}「${task.itemName}」（T${task.id}）在一次性告知的材料之外，还需要（${task.unit.name} ${ctx.sender.name}）：\n${list}`;
  const told = await notifyEnterprise(ctx, task.project, notice);
  await notifyWindow(ctx, notice);
  await ctx.reply(
    told
      ? `已向企业补充告知 ${materials.length} 项材料，专窗已知悉。`
      : `已记录 ${materials.length} 项补充材料；企业联络员尚未绑定，专窗已收到，请其转告企业。`,
  );
}

/** The unit says the enterprise owes nothing more for this item. */
export async function recordNoMoreMaterials(ctx: RegisteredContext, task: OwnTask): Promise<void> {
  await ctx.tx.task.update({ where: { id: task.id }, data: { noMoreMaterialsAt: ctx.now } });
  await ctx.record({ kind: 'task.no_more_materials', projectId: task.projectId, taskId: task.id, after: { noticeMaterials: task.noticeMaterials } });
}
