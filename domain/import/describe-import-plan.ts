// The dry run's answer (docs/domain.md "Importing a ledger"): counts first, then every update with its
// before and after, every refused row with its reasons, and what to send next. New projects are named,
// up to a screenful; the confirmation's answer says the same counts with the numbers given.
import type { ImportAction } from './plan-import.js';

/** New projects named in the answer; beyond them, a count. */
const NAMED_NEW = 20;

export interface ImportSummary {
  fileName: string;
  actions: readonly ImportAction[];
  /** Header texts of the sheet that are no field (序号, 备注), so nobody wonders where a column went. */
  unused?: readonly string[];
}

/**
 * @example describeImportPlan({ fileName: 'a.xlsx', actions: [{ kind: 'create', project }] }, 30) // '导入预览「a.xlsx」：新建 1 个，更新 0 个，无变化 0 个，不能导入 0 行。\n新建：光伏组件项目\n确认无误请发送「确认导入」（30 分钟内有效）。'
 */
export function describeImportPlan({ fileName, actions, unused = [] }: ImportSummary, validMinutes: number): string {
  const of = <K extends ImportAction['kind']>(kind: K) => actions.filter((action): action is Extract<ImportAction, { kind: K }> => action.kind === kind);
  const created = of('create');
  const updated = of('update');
  const refused = of('refused');
  const lines = [`导入预览「${fileName}」：${counts(actions)}`];
  if (created.length > 0) {
    const names = created.slice(0, NAMED_NEW).map((action) => action.project.name);
    lines.push(`新建：${names.join('、')}${created.length > NAMED_NEW ? ` 等 ${created.length} 个` : ''}`);
  }
  for (const action of updated)
    lines.push(
      `更新 P${action.id} ${action.project.name}：${action.changes.map((change) => `${change.label} ${change.before || '（空）'} → ${change.after}`).join('；')}`,
    );
  if (refused.length > 0) {
    lines.push('不能导入：');
    for (const action of refused)
      lines.push(`第 ${action.line} 行${action.name ? ` ${action.name}` : ''}：${action.reasons.map((reason) => reason.replace(/[。；]$/, '')).join('；')}`);
  }
  if (unused.length > 0) lines.push(`未导入的列：${unused.join('、')}`);
  const importable = created.length + updated.length;
  lines.push(
    importable > 0
      ? `确认无误请发送「确认导入」（${validMinutes} 分钟内有效）${refused.length > 0 ? '；不能导入的行改好后重新发送文件即可' : ''}。`
      : refused.length > 0
        ? '没有可导入的项目。请按上面改好表格后重新发送文件。'
        : '台账与项目管家一致，无需导入。',
  );
  return lines.join('\n');
}

/** The counts, as the preview and the confirmation both say them. */
export function counts(actions: readonly ImportAction[]): string {
  const count = (kind: ImportAction['kind']) => actions.filter((action) => action.kind === kind).length;
  return `新建 ${count('create')} 个，更新 ${count('update')} 个，无变化 ${count('unchanged')} 个，不能导入 ${count('refused')} 行。`;
}
