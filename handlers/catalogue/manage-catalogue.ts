// 事项: the approval-item catalogue (审批事项及材料清单, 002 附件10). Anyone who plans or handles
// items may read it; only admins change it (docs/domain.md "Departments and approval items").
import type { CatalogueItem } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { hasRole } from '../../domain/access/project-access.js';
import { isPhase, phaseNames, phases } from '../../domain/catalogue/approval-phases.js';
import { resolveCatalogueItem } from '../../domain/references/resolve-catalogue-item.js';
import { searchCatalogue } from '../../domain/catalogue/search-catalogue.js';
import { commandLine } from '../shared/command-line.js';
import { loadCatalogue } from '../../use-cases/load-catalogue.js';
import { saveCatalogueItem } from './save-catalogue-item.js';

export async function manageCatalogue(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const [verb, ref] = line.args;
  // Reading first also writes the shipped catalogue, so an admin's first edit does not replace it.
  const catalogue = await loadCatalogue(ctx.tx);
  if (verb === '增加' || verb === '修改' || verb === '删除') {
    if (!hasRole(ctx.sender, 'admin')) return ctx.reply('只有管理员可以修改事项目录。');
    if (verb === '删除') return retire(ctx, ref, catalogue);
    return saveCatalogueItem(ctx, verb === '增加' ? undefined : ref, line.fields);
  }
  if (verb) {
    const found = resolveCatalogueItem(verb, catalogue);
    const related = found.ok || found.code === 'AMBIGUOUS' ? [] : searchCatalogue(verb, catalogue);
    if (!found.ok && related.length !== 1) {
      const candidates = found.code === 'AMBIGUOUS' ? found.candidates : related;
      return ctx.reply(
        candidates.length > 0
          ? `有多项：${candidates.map((item) => `${item.code} ${item.name}`).join('、')}`
          : `事项目录中没有「${verb}」。发送「事项」查看全部事项，或按单位查找，例如「事项 供电」。`,
      );
    }
    const item = found.ok ? found.value : related[0]!;
    const phase = isPhase(item.phase) ? phaseNames[item.phase] : String(item.phase);
    return ctx.reply(
      [
        `${item.code} ${item.name}（${phase}）`,
        `办理单位：${item.unitNames.join(' / ')}`,
        `承诺时限：${item.promisedDays} 个工作日`,
        `材料：${item.materials.join('、')}`,
        `简称：${item.aliases.join('、') || '无'}${item.core ? ' · 默认纳入方案' : ''}`,
      ].join('\n'),
    );
  }
  const lines = [`事项目录（${catalogue.length} 项），查看详情：事项 环评`];
  for (const phase of phases) {
    lines.push(`【${phaseNames[phase]}】`);
    for (const item of catalogue.filter((entry) => entry.phase === phase))
      lines.push(`· ${item.code} ${item.name} — ${item.unitNames[0]} — ${item.promisedDays} 个工作日`);
  }
  await ctx.reply(lines.join('\n'));
}

async function retire(ctx: RegisteredContext, ref: string | undefined, catalogue: CatalogueItem[]): Promise<void> {
  const found = resolveCatalogueItem(ref ?? '', catalogue);
  if (!found.ok) return ctx.reply(`事项目录中没有「${ref ?? ''}」。请写代码，例如「事项 删除 HB-01」。`);
  await ctx.tx.catalogueItem.update({ where: { code: found.value.code }, data: { active: false } });
  await ctx.record({ kind: 'catalogue.retired', before: { code: found.value.code, active: true }, after: { code: found.value.code, active: false } });
  await ctx.reply(`已从事项目录删除 ${found.value.code} ${found.value.name}（已有方案不受影响）。`);
}
