// 告知 (use-cases/notify-materials.ts): a 补充告知 goes to the bound enterprise contact and the window is told;
// `告知 T6 无需补充材料` records that the enterprise owes nothing more for the item, which 办结 needs when no
// materials were told (handlers/tasks/finish-task.ts).
import type { RegisteredContext } from '../context.js';
import { splitList, stripLabel } from '../../domain/commands/parse-command-line.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { notifyMaterials as recordMaterials, type MaterialsRequest } from '../../use-cases/notify-materials.js';
import { commandLine } from '../shared/command-line.js';
import { taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';

export const NO_MORE_MATERIALS = '无需补充材料';

export async function notifyMaterials(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const materials = splitList(stripLabel(line.rest, ['材料', '所需材料', '材料清单', '补充材料']));
  const request: MaterialsRequest = line.rest.startsWith(NO_MORE_MATERIALS)
    ? { kind: 'no-more' }
    : materials.length === 0
      ? { kind: 'ask' }
      : { kind: 'add', materials };
  const result = await recordMaterials(ctx, await taskIdOf(ctx, line.args[0]), request);
  if (!result.ok) return ctx.reply(describeTaskRefusal(result));
  const { task } = result;
  if (result.kind === 'no-more') return ctx.reply(`已记录 T${task.id} ${task.itemName} 无需企业补充材料，办结时发送「办结 T${task.id} 结果」。`);
  if (result.kind === 'ask') {
    const told = task.noticedAt ? `T${task.id} 的材料已于 ${formatShanghai(task.noticedAt)} 一次性告知企业。` : '';
    return ctx.reply(`${told}如需补充，请写明：告知 T${task.id} 材料：材料1、材料2；没有需要补充的，请发送「告知 T${task.id} ${NO_MORE_MATERIALS}」。`);
  }
  const list = result.added.map((material, index) => `${index + 1}. ${material}`).join('\n');
  const notice = `【补充告知】P${task.projectId} ${task.project.name}「${task.itemName}」（T${task.id}）在一次性告知的材料之外，还需要（${task.unit.name} ${ctx.sender.name}）：\n${list}`;
  const told = await notifyEnterprise(ctx, task.project, notice);
  await notifyWindow(ctx, notice);
  await ctx.reply(
    told
      ? `已向企业补充告知 ${result.added.length} 项材料，专窗已知悉。`
      : `已记录 ${result.added.length} 项补充材料；企业联络员尚未绑定，专窗已收到，请其转告企业。`,
  );
}
