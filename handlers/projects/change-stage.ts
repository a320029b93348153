// 开工 / 投产: the project's life-cycle steps after approval (签约 → 开工 → 投产, 003 一), with the
// date it happened (today when none is given).
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { parseDate } from '../../domain/commands/parse-date.js';
import { stageNames, transitionProject } from '../../domain/project/project-stage.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise, notifyLeader, notifyWindow } from '../shared/notify.js';

const steps = {
  start: { word: '开工', field: 'startedOn' },
  produce: { word: '投产', field: 'producedOn' },
} as const;

export function changeStage(action: keyof typeof steps) {
  const { word, field } = steps[action];
  return async function run(ctx: RegisteredContext): Promise<void> {
    const line = commandLine(ctx);
    const lookup = await loadProject(ctx, line.args[0]);
    if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, `${word} P12 2026-06-01`));
    const { project } = lookup;
    const change = transitionProject(project.stage, action);
    if (!change.ok) return ctx.reply(`P${project.id} ${stageNames[change.stage]}，不能登记${word}。`);
    const today = shanghaiDate(ctx.now);
    const date = line.args[1] ? parseDate(line.args[1], today) : { ok: true as const, date: today };
    if (!date.ok) return ctx.reply(`看不懂日期「${line.args[1]}」，请写成 2026-06-01。`);
    // A stage is recorded when it happened: not ahead of today, not before signing, 投产 after 开工 (003 一).
    const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;
    if (date.date > today) return ctx.reply(`${word}日期 ${date.date} 还没到，请在${word}后再登记。`);
    const signed = day(project.signedOn);
    if (signed && date.date < signed) return ctx.reply(`${word}日期 ${date.date} 早于签约日期 ${signed}，请核对。`);
    const started = day(project.startedOn);
    if (action === 'produce' && started && date.date < started) return ctx.reply(`投产日期 ${date.date} 早于开工日期 ${started}，请核对。`);

    await ctx.tx.project.update({ where: { id: project.id }, data: { stage: change.to, [field]: new Date(`${date.date}T00:00:00Z`) } });
    await ctx.record({
      kind: 'project.stage_changed',
      projectId: project.id,
      before: { stage: project.stage },
      after: { stage: change.to, [field]: date.date },
    });
    const text = `P${project.id} ${project.name} 已于 ${date.date} ${word}。`;
    await notifyWindow(ctx, text);
    await notifyLeader(ctx, project, text);
    await notifyEnterprise(ctx, project, text);
    await ctx.reply(text);
  };
}
