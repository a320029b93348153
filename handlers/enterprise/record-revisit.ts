// 回访 P12 <情况>: a visit or call to the enterprise after its service ended (002 五(九) "定期对已办结
// 项目进行回访"; 002 六(二) 回访企业), kept verbatim in the archive. A project is revisited as often as
// the county likes; each visit is one record. A visit answers an open complaint (a rating ≤ 2,
// handlers/enterprise/rate-service.ts), which then is no longer reminded.
import type { RegisteredContext } from '../context.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { serviceEnded } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { recordRevisit as revisit } from '../../use-cases/record-revisit.js';

export async function recordRevisit(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '回访 P12 企业反馈用电报装已完成'));
  const { project } = lookup;
  if (!serviceEnded(project.service))
    return ctx.reply(`P${project.id} 的服务还没有结束。回访在办结或终止之后，服务期间请用「问题 P${project.id} …」反映情况。`);
  // After `P12` the rest is the text; after a project named by words, the rest less that name.
  const rest = line.refs.length > 0 ? line.rest : line.rest.replace(/^\S+?(?=[\s，,、；;:：]|$)[\s，,、；;:：]*/, '');
  const text = stripLabel(rest, ['回访情况', '情况', '内容']);
  if (!text) return ctx.reply(`请写明回访情况，例如「回访 P${project.id} 企业反馈用电报装已完成」。`);

  const { visit, complaintFollowedUp } = await revisit(ctx, project.id, text);
  const followed = complaintFollowedUp ? '企业差评已跟进。' : '';
  await ctx.reply(`已记录 P${project.id} ${project.name} 第 ${visit} 次回访，${followed}可在「档案 P${project.id}」查看。`);
}
