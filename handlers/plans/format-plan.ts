// The service plan as one message (服务方案, 002 附件4): items by phase, unit, promised days, materials.
import type { Project } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import { isPhase, phaseNames, phases } from '../../domain/catalogue/approval-phases.js';

const numerals = ['一', '二', '三', '四'];

export async function formatPlan(tx: Tx, project: Project): Promise<string> {
  const items = await tx.planItem.findMany({ where: { projectId: project.id }, orderBy: [{ phase: 'asc' }, { id: 'asc' }] });
  const units = new Map((await tx.unit.findMany()).map((unit) => [unit.id, unit.name]));
  const lines = [`P${project.id} ${project.name} 服务方案（${items.length} 项）`];
  for (const phase of phases) {
    const inPhase = items.filter((item) => isPhase(item.phase) && item.phase === phase);
    if (inPhase.length === 0) continue;
    lines.push(`${numerals[phase - 1]}、${phaseNames[phase]}`);
    for (const item of inPhase) {
      const unit = item.unitId === null ? '名册中无办理单位' : units.get(item.unitId);
      lines.push(`· ${item.itemName} [${item.itemCode}] — ${unit} — ${item.promisedDays} 个工作日`);
      lines.push(`  材料：${item.materials.join('、') || '无'}`);
    }
  }
  lines.push(`修改：方案 P${project.id} 增加 取水 ｜ 方案 P${project.id} 删除 水保`);
  lines.push(`派单：派单 P${project.id} 全部`);
  return lines.join('\n');
}
