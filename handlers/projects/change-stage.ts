// 开工 / 投产 / 入库: the project's own stages (签约 → 开工 → 竣工投产 → 入库, 003 一), with the date each happened
// (today when none is given). They are recorded while the 帮办代办 service runs and after it has ended with
// 办结; after 终止 the stage stays (docs/domain.md "Project life cycle"). A wrong date is corrected with 修改项目.
// 开工 names the 竣工验收 items 派单 全部 held back, now ready to send.
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { parseDate } from '../../domain/commands/parse-date.js';
import { stageNames, stageSteps, transitionStage, type StageAction } from '../../domain/project/project-stage.js';
import { checkStageDates, describeStageDateRefusal } from '../../domain/project/stage-dates.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise, notifyLeader, notifyWindow } from '../shared/notify.js';
import { AFTER_START_PHASE } from '../../use-cases/choose-plan-items.js';
import { recordStage } from '../../use-cases/record-stage.js';
import { phaseNames } from '../../domain/catalogue/approval-phases.js';

/** The 竣工验收 items 派单 全部 held back until 开工, now ready to send. */
function describeReadyAfterStart(projectId: number, ready: readonly string[]): string {
  if (ready.length === 0) return '';
  return `\n${phaseNames[AFTER_START_PHASE]}阶段的 ${ready.length} 项可以派单了：${ready.join('、')}。发送「派单 P${projectId} 全部」`;
}

const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

export function changeStage(action: StageAction) {
  const { word, field } = stageSteps[action];
  return async function run(ctx: RegisteredContext): Promise<void> {
    const line = commandLine(ctx);
    const lookup = await loadProject(ctx, line.args[0]);
    if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, `${word} P12 2026-06-01`));
    const { project } = lookup;
    const change = transitionStage(project.stage, project.service, action);
    if (!change.ok) {
      if (change.code === 'SERVICE_TERMINATED')
        return ctx.reply(`P${project.id} 已终止，项目阶段停在${stageNames[project.stage as keyof typeof stageNames]}，不再登记${word}。`);
      if (change.code === 'ALREADY_PAST') {
        return ctx.reply(`P${project.id} 已${stageNames[change.stage]}，不能再登记${word}。日期有误请发「修改项目 P${project.id} ${word}日期：2026-06-01」。`);
      }
      const needed = Object.values(stageSteps).find((step) => step.to === change.needs)!;
      return ctx.reply(`P${project.id} 还没有${stageNames[change.needs]}，请先登记：${needed.word} P${project.id} 日期。`);
    }
    const today = shanghaiDate(ctx.now);
    const date = line.args[1] ? parseDate(line.args[1], today) : { ok: true as const, date: today };
    if (!date.ok) return ctx.reply(`看不懂日期「${line.args[1]}」，请写成 ${word} P${project.id} 2026-06-01。`);
    const dates = { signedOn: day(project.signedOn), startedOn: day(project.startedOn), producedOn: day(project.producedOn), [field]: date.date };
    const check = checkStageDates(dates, today);
    if (!check.ok) return ctx.reply(describeStageDateRefusal(check, project.id, today));

    const ready = describeReadyAfterStart(project.id, await recordStage(ctx, project, action, date.date));
    const text = `P${project.id} ${project.name} 已于 ${date.date} ${word}。`;
    await notifyWindow(ctx, text + ready);
    await notifyLeader(ctx, project, text);
    await notifyEnterprise(ctx, project, text);
    await ctx.reply(text + ready);
  };
}
