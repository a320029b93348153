// What an import would do (docs/domain.md "Importing a ledger"): each row read is a new project, an update
// of one already in the bot, or no change. A row matches the project its 编号 names (the bot's own 台账, a
// round trip), else the one project of the same name, so a second import of the same file updates and never
// duplicates. An update changes the ledger's fields as 修改项目 would, and only those the row fills in; the
// stage and the service move only by their own commands (开工、受理、办结项目…), which tell the people concerned.
import type { IsoDate } from '../calendar/shanghai-time.js';
import { formatInvestment } from '../commands/parse-investment.js';
import { maskMobile } from '../mask-mobile.js';
import { projectFields } from '../project/project-fields.js';
import { checkStageDates } from '../project/stage-dates.js';
import type { ImportedProject, ReadImportRow } from './read-import-row.js';

/** Fields an update copies as they are in the row. */
const textFields = ['name', 'content', 'industry', 'enterprise', 'targetTasks', 'timeNodes'] as const;
const dateFields = ['signedOn', 'landListedOn', 'expectedStartOn'] as const;
type CopiedField = (typeof textFields)[number] | (typeof dateFields)[number];

/** A project in the bot, with the fields an import compares. */
export interface ExistingProject extends Pick<ImportedProject, CopiedField | 'investmentWan' | 'contactName' | 'contactMobile' | 'leadUnit' | 'startedOn'> {
  id: number;
  service: string;
  leaderName: string;
}

/** A field an update changes, with its before and after as the archive shows them (the mobile masked). */
export interface ImportChange {
  field: CopiedField | 'investment' | 'contact' | 'leadUnit' | 'leader';
  label: string;
  before: string;
  after: string;
}

export type ImportAction =
  | { kind: 'create'; project: ImportedProject }
  | { kind: 'update'; id: number; project: ImportedProject; changes: ImportChange[] }
  | { kind: 'unchanged'; id: number; project: ImportedProject }
  | { kind: 'refused'; line: number; name: string; reasons: string[] };

/**
 * @example planImport([{ ok: true, project: { name: '光伏', … } }], [{ id: 3, name: '光伏', … }]) // [{ kind: 'update' or 'unchanged', id: 3, … }]
 */
export function planImport(rows: readonly ReadImportRow[], existing: readonly ExistingProject[], today: IsoDate): ImportAction[] {
  const byId = new Map(existing.map((project) => [project.id, project]));
  const seen = new Map<string, number>();
  return rows.map((row): ImportAction => {
    if (!row.ok) return { kind: 'refused', line: row.line, name: row.name, reasons: row.reasons };
    const { project } = row;
    const named = existing.filter((candidate) => candidate.name === project.name);
    const match = (project.number !== null ? byId.get(project.number) : undefined) ?? (named.length === 1 ? named[0] : undefined);
    const refuse = (reason: string): ImportAction => ({ kind: 'refused', line: project.line, name: project.name, reasons: [reason] });
    const key = match ? `P${match.id}` : project.name;
    const earlier = seen.get(key);
    if (earlier !== undefined) return refuse(`与第 ${earlier} 行是同一个项目`);
    seen.set(key, project.line);
    if (!match && named.length > 1)
      return refuse(`有 ${named.length} 个项目叫「${project.name}」（${named.map((one) => `P${one.id}`).join('、')}），请在编号列写明是哪一个`);
    if (!match) return { kind: 'create', project };
    if (match.service === 'terminated') return refuse(`P${match.id} 已终止，不能再修改`);
    const signedOn = project.signedOn ?? match.signedOn;
    const check = checkStageDates({ signedOn, startedOn: match.startedOn }, today);
    if (!check.ok && check.code === 'OUT_OF_ORDER') return refuse(`签约日期 ${signedOn} 晚于 P${match.id} 的开工日期 ${match.startedOn}`);
    const changes = changesOf(match, project);
    return changes.length > 0 ? { kind: 'update', id: match.id, project, changes } : { kind: 'unchanged', id: match.id, project };
  });
}

function changesOf(before: ExistingProject, after: ImportedProject): ImportChange[] {
  const changes: ImportChange[] = [];
  const add = (field: ImportChange['field'], was: string, now: string) => {
    if (now && was !== now) changes.push({ field, label: projectFields[field].label, before: was, after: now });
  };
  for (const field of textFields) add(field, before[field], after[field]);
  if (before.investmentWan !== after.investmentWan) add('investment', formatInvestment(before.investmentWan), formatInvestment(after.investmentWan));
  const contact = (name: string, mobile: string | null) => [name, mobile ? maskMobile(mobile) : ''].filter(Boolean).join(' ');
  if (after.contactName && (after.contactName !== before.contactName || (after.contactMobile && after.contactMobile !== before.contactMobile)))
    add('contact', contact(before.contactName, before.contactMobile), contact(after.contactName, after.contactMobile ?? before.contactMobile));
  if (after.leadUnit && after.leadUnit.id !== before.leadUnit?.id) add('leadUnit', before.leadUnit?.name ?? '', after.leadUnit.name);
  if (after.leader) add('leader', before.leaderName, after.leader.name);
  for (const field of dateFields) add(field, before[field] ?? '', after[field] ?? '');
  return changes;
}
