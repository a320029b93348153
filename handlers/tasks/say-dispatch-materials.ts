// 一次性告知 at 派单 worded (use-cases/tell-dispatch-materials.ts records it): the notice to the enterprise
// contact, and the line for the window's reply.
import type { RegisteredContext } from '../context.js';
import type { MaterialsTold } from '../../use-cases/tell-dispatch-materials.js';

export async function sayDispatchMaterials(
  ctx: RegisteredContext,
  project: { id: number; name: string },
  { listed, contactId }: MaterialsTold,
): Promise<string> {
  if (listed.length === 0) return '这些事项没有材料清单，办结前请各单位「告知 T… 材料：…」或「告知 T… 无需补充材料」。';
  const text = [
    `【一次性告知】P${project.id} ${project.name} 办理以下事项需要企业提供的全部材料：`,
    ...listed.map((item) => `「${item.itemName}」（T${item.taskId}）\n${item.materials.map((material, index) => `${index + 1}. ${material}`).join('\n')}`),
  ].join('\n');
  if (contactId !== null) await ctx.send(contactId, text);
  const count = listed.reduce((sum, item) => sum + item.materials.length, 0);
  return contactId !== null
    ? `已向企业一次性告知 ${listed.length} 个事项的 ${count} 项材料。`
    : `${listed.length} 个事项的 ${count} 项材料已记录；企业联络员尚未绑定，绑定后可查看，请先转告企业。`;
}
