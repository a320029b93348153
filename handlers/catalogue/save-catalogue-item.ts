// `事项 增加` / `事项 修改 <代码>` with fields 代码 名称 阶段 单位 材料 时限 简称 默认, one per line.
import type { RegisteredContext } from '../context.js';
import { isPhase, phaseNames } from '../../domain/catalogue/approval-phases.js';
import { pickField, splitList } from '../../domain/commands/parse-command-line.js';
import { resolveUnit } from '../../domain/catalogue/resolve-unit.js';
import { unitKey } from '../../domain/unit-key.js';

const usage = '事项 增加\n代码：QX-01\n名称：雷电防护装置设计审核\n阶段：2\n单位：气象局\n材料：设计审核申请表、防雷设计文件\n时限：5';

export async function saveCatalogueItem(ctx: RegisteredContext, code: string | undefined, fields: Record<string, string>): Promise<void> {
  const existing = code ? await ctx.tx.catalogueItem.findUnique({ where: { code: code.toUpperCase() } }) : null;
  if (code && !existing) return ctx.reply(`事项目录中没有代码 ${code}。`);
  const phaseText = pickField(fields, '阶段');
  const daysText = pickField(fields, '时限', '承诺时限');
  const phase = phaseText ? Number(phaseText) : existing?.phase;
  const promisedDays = daysText ? Number(daysText.replace(/个?工作日$/, '')) : existing?.promisedDays;
  const item = {
    code: (pickField(fields, '代码') ?? existing?.code ?? '').toUpperCase(),
    name: pickField(fields, '名称') ?? existing?.name ?? '',
    unitNames: splitList(pickField(fields, '单位') ?? '').length > 0 ? splitList(pickField(fields, '单位')!) : (existing?.unitNames ?? []),
    materials: splitList(pickField(fields, '材料') ?? '').length > 0 ? splitList(pickField(fields, '材料')!) : (existing?.materials ?? []),
    aliases: pickField(fields, '简称') ? splitList(pickField(fields, '简称')!) : (existing?.aliases ?? []),
    core: pickField(fields, '默认') ? pickField(fields, '默认') === '是' : (existing?.core ?? false),
  };
  if (
    !item.code ||
    !item.name ||
    item.unitNames.length === 0 ||
    phase === undefined ||
    !isPhase(phase) ||
    !promisedDays ||
    !Number.isInteger(promisedDays) ||
    promisedDays < 1
  ) {
    return ctx.reply(`请写全代码、名称、阶段（1–4）、单位和时限（工作日），例如：\n${usage}`);
  }
  if (!existing && (await ctx.tx.catalogueItem.findUnique({ where: { code: item.code } })))
    return ctx.reply(`代码 ${item.code} 已存在，请用「事项 修改 ${item.code}」。`);

  const data = { ...item, phase, promisedDays, active: true };
  if (existing) await ctx.tx.catalogueItem.update({ where: { code: existing.code }, data });
  else await ctx.tx.catalogueItem.create({ data });
  await ctx.record({ kind: existing ? 'catalogue.changed' : 'catalogue.added', before: existing ?? undefined, after: data });
  const saved = `已${existing ? '修改' : '增加'}事项 ${item.code} ${item.name}（${phaseNames[phase]}，${item.unitNames[0]}，${promisedDays} 个工作日）。`;
  // The catalogue may name units this county lacks (it is shared), so an unknown unit is a warning.
  const unit = resolveUnit(item.unitNames[0]!, await ctx.tx.unit.findMany(), ctx.policy.unitAliases);
  if (unit.ok) return ctx.reply(saved);
  const guess = unit.suggestions.length > 0 ? `你是不是指：${unit.suggestions.map((found) => unitKey(found.name)).join('、')}？否则` : '';
  await ctx.reply(`${saved}\n注意：名册中没有「${unit.typed}」，${guess}这个事项暂时无法派单。`);
}
