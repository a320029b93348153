// 委托 P12 全程 | 委托 P12 部分 <事项…> [委托人 <姓名>]: the 帮办代办服务委托协议 the window signs with
// the enterprise once the project is accepted (002 五(五), 附件3). The enterprise entrusts the whole
// service or only some items, of its own will (自愿委托全程或部分, 002 二(一)); items come from the
// catalogue (附件10, 002 五(二)). The signer is the enterprise contact unless named. Signing again
// (a changed scope) is recorded again; the archive keeps both.
import type { RegisteredContext } from '../context.js';
import { serviceNames, serviceRunning } from '../../domain/project/service-state.js';
import { resolveCatalogueItem } from '../../domain/references/resolve-catalogue-item.js';
import { commandLine } from '../shared/command-line.js';
import { loadCatalogue } from '../../use-cases/load-catalogue.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise } from '../shared/notify.js';
import { recordEntrustment as entrust } from '../../use-cases/record-entrustment.js';

const SCOPES = { 全程: 'all', 部分: 'part' } as const;

export async function recordEntrustment(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '委托 P12 全程'));
  const { project } = lookup;
  if (project.service === 'unaccepted') return ctx.reply(`P${project.id} 尚未受理。委托协议在受理之后签订，请先发送「受理 P${project.id}」。`);
  if (!serviceRunning(project.service)) return ctx.reply(`P${project.id} ${serviceNames[project.service as keyof typeof serviceNames]}，不能再签订委托协议。`);

  const words = line.args.slice(1);
  const signerAt = words.indexOf('委托人');
  const [scopeWord, ...itemWords] = signerAt === -1 ? words : words.slice(0, signerAt);
  // `委托人 张三` and `委托人：张三` alike; without it the bound contact signs.
  const signer = line.fields['委托人'] ?? (signerAt === -1 ? project.contactName : words.slice(signerAt + 1).join(' '));
  const scope = SCOPES[scopeWord as keyof typeof SCOPES];
  const part = `「委托 P${project.id} 部分 环评 施工许可」`;
  if (!scope || (scope === 'part' && itemWords.length === 0)) return ctx.reply(`请写明委托全程还是部分事项，例如「委托 P${project.id} 全程」或${part}。`);
  if (scope === 'all' && itemWords.length > 0) return ctx.reply(`全程委托不用列事项；只委托部分事项时请写${part}。`);

  const catalogue = scope === 'part' ? await loadCatalogue(ctx.tx) : [];
  const items: { code: string; name: string }[] = [];
  const problems: string[] = [];
  for (const word of itemWords) {
    const found = resolveCatalogueItem(word, catalogue);
    if (found.ok) {
      if (!items.some((item) => item.code === found.value.code)) items.push(found.value);
    } else
      problems.push(found.code === 'AMBIGUOUS' ? `「${word}」有多项：${found.candidates.map((item) => item.name).join('、')}` : `事项目录中没有「${word}」`);
  }
  if (problems.length > 0) return ctx.reply(`${problems.join('；')}。委托协议未登记。`);

  const client = [project.enterprise, signer].filter(Boolean).join(' ');
  await entrust(ctx, project.id, { scope, itemCodes: items.map((item) => item.code), client });
  const what = scope === 'all' ? '全程帮办代办' : `部分帮办代办：${items.map((item) => `「${item.name}」`).join('')}`;
  const told = await notifyEnterprise(ctx, project, `P${project.id} ${project.name} 帮办代办委托协议已登记：${what}。`);
  await ctx.reply(`已登记 P${project.id} 委托协议：${what}${client ? `（委托方 ${client}）` : ''}。${told ? '已告知企业。' : ''}`);
}
