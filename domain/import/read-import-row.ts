// One row of an imported ledger, read as 登记项目 reads its fields (docs/domain.md "Importing a ledger"):
// the same field limits, amounts in 万元 (a bare number in the column's unit), dates as text or as
// spreadsheet dates, the 责任单位 by the names people use, the 包抓领导 from the roster. A row the bot
// cannot read is refused with every reason at once, each saying what to write instead.
// A project already under way comes with its stage, set by its dates (开工、投产、入库, checked in
// 003 一's order by stage-dates.ts), and its service (已受理、已办结、已终止).
import { describeUnknownUnit, resolveUnit } from '../catalogue/resolve-unit.js';
import type { NamedUnit } from '../catalogue/match-unit.js';
import type { IsoDate } from '../calendar/shanghai-time.js';
import { parseContact } from '../commands/parse-contact.js';
import { parseDate } from '../commands/parse-date.js';
import { describeInvestmentRefusal, parseInvestment } from '../commands/parse-investment.js';
import { describeDateRefusal, describeFieldRefusal, projectFields, readProjectFields, type ProjectField } from '../project/project-fields.js';
import { stageNames, type Stage } from '../project/project-stage.js';
import { serviceNames, type ServiceState } from '../project/service-state.js';
import { checkStageDates } from '../project/stage-dates.js';
import type { ImportHeader, ImportColumn } from './match-import-header.js';
import type { ImportCell, ImportSheetRow } from './read-import-sheet.js';

const dateFields = ['signedOn', 'landListedOn', 'expectedStartOn', 'startedOn', 'producedOn', 'enrolledOn'] as const;
type DateField = (typeof dateFields)[number];
const textFields = ['name', 'content', 'industry', 'enterprise', 'contact', 'leader', 'leadUnit', 'targetTasks', 'timeNodes'] as const;

export type ImportedService = Exclude<ServiceState, 'approving'>;

export interface ImportedProject extends Record<DateField, IsoDate | null> {
  line: number;
  /** The bot's own number (编号 P12 in its 台账), when the file has one. */
  number: number | null;
  name: string;
  content: string;
  industry: string;
  enterprise: string;
  targetTasks: string;
  timeNodes: string;
  investmentWan: number;
  contactName: string;
  contactMobile: string | null;
  leadUnit: { id: number; name: string } | null;
  leader: { id: number; name: string } | null;
  stage: Stage;
  service: ImportedService;
}

export type ReadImportRow = { ok: true; project: ImportedProject } | { ok: false; line: number; name: string; reasons: string[] };

export interface ImportLookups {
  units: readonly (NamedUnit & { id: number })[];
  unitAliases: Readonly<Record<string, string | readonly string[]>>;
  /** Active people of the roster. */
  people: readonly { id: number; name: string }[];
  today: IsoDate;
}

const stageOrder: readonly Stage[] = ['signed', 'started', 'producing', 'enrolled'];
const stageDate: Record<Stage, DateField> = { signed: 'signedOn', started: 'startedOn', producing: 'producedOn', enrolled: 'enrolledOn' };

/**
 * @example readImportRow({ line: 5, cells: { name: '光伏', investment: 35000, leadUnit: '国土局' } }, headers, lookups) // { ok: true, project: { name: '光伏', investmentWan: 35000, leadUnit: { id: 1, name: '市自然资源局' }, … } }
 */
export function readImportRow(row: ImportSheetRow, headers: Partial<Record<ImportColumn, ImportHeader>>, lookups: ImportLookups): ReadImportRow {
  const { cells, line } = row;
  const reasons: string[] = [];
  const typed = Object.fromEntries(
    [...textFields, 'phone' as const].flatMap((field) => {
      const text = asText(cells[field]);
      return text ? [[field === 'phone' ? '电话' : projectFields[field].label, text]] : [];
    }),
  );
  const read = readProjectFields(typed);
  const values: Partial<Record<ProjectField, string>> = read.ok ? read.values : {};
  if (!read.ok) reasons.push(describeFieldRefusal(read));
  const name = values.name ?? asText(cells.name) ?? '';
  if (!name) reasons.push('缺少项目名称');

  const investmentWan = readInvestment(cells.investment ?? null, headers.investment?.wanPerUnit ?? 1, reasons);

  const leadUnitText = values.leadUnit;
  const unitFound = leadUnitText ? resolveUnit(leadUnitText, lookups.units, lookups.unitAliases) : undefined;
  if (unitFound && !unitFound.ok) reasons.push(describeUnknownUnit(unitFound.typed, unitFound.suggestions));
  const leaderName = values.leader;
  const leader = leaderName ? lookups.people.find((person) => person.name === leaderName) : undefined;
  if (leaderName && !leader) reasons.push(`包抓领导「${leaderName}」不在名册中，请写名册中的姓名`);

  const dates = Object.fromEntries(dateFields.map((field) => [field, readDate(field, cells[field] ?? null, lookups.today, reasons)])) as Record<
    DateField,
    IsoDate | null
  >;
  const check = checkStageDates(dates, lookups.today);
  if (!check.ok)
    reasons.push(
      check.code === 'IN_FUTURE' ? `${check.label} ${check.date} 还没到` : `${check.label} ${check.date} 早于${check.earlierLabel} ${check.earlierDate}`,
    );

  const stage = [...stageOrder].reverse().find((candidate) => candidate === 'signed' || dates[stageDate[candidate]]) ?? 'signed';
  const statedStage = asText(cells.stage);
  const stated =
    statedStage === undefined
      ? stage
      : stageOrder.find((candidate) => stageNames[candidate] === statedStage || (candidate === 'producing' && statedStage === '投产'));
  if (!stated) reasons.push(`项目阶段「${statedStage}」应为 ${stageOrder.map((candidate) => stageNames[candidate]).join('、')} 之一`);
  else if (stageOrder.indexOf(stated) > stageOrder.indexOf(stage)) reasons.push(`项目阶段为${statedStage}，请填写${projectFields[stageDate[stated]].label}`);
  else if (stated !== stage) reasons.push(`项目阶段为${statedStage}，但填了${projectFields[stageDate[stage]].label}；请改项目阶段或删去该日期`);

  const service = readService(asText(cells.service), reasons);
  const number = /^P(\d+)$/i.exec(asText(cells.number) ?? '')?.[1];
  if (reasons.length > 0) return { ok: false, line, name, reasons };
  const contact = parseContact(values.contact ?? '');
  return {
    ok: true,
    project: {
      line,
      number: number ? Number(number) : null,
      name,
      content: values.content ?? '',
      industry: values.industry ?? '',
      enterprise: values.enterprise ?? '',
      targetTasks: values.targetTasks ?? '',
      timeNodes: values.timeNodes ?? '',
      investmentWan: investmentWan!,
      contactName: contact.name,
      contactMobile: contact.mobile,
      leadUnit: unitFound?.ok ? { id: unitFound.unit.id, name: unitFound.unit.name } : null,
      leader: leader ? { id: leader.id, name: leader.name } : null,
      ...dates,
      stage,
      service: service!,
    },
  };
}

function asText(cell: ImportCell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();
  return text || undefined;
}

function readInvestment(cell: ImportCell, wanPerUnit: number, reasons: string[]): number | undefined {
  const text = asText(cell);
  if (text === undefined) {
    reasons.push('缺少投资');
    return undefined;
  }
  // A bare number is in the column's unit (总投资（亿元）); anything else is read as 登记项目 reads it.
  const bare = /^\d+(?:\.\d+)?$/.test(text.normalize('NFKC').replace(/,/g, ''));
  const parsed = bare ? parseInvestment(String(Math.round(Number(text.normalize('NFKC').replace(/,/g, '')) * wanPerUnit * 100) / 100)) : parseInvestment(text);
  if (!parsed.ok) reasons.push(describeInvestmentRefusal(parsed.code, text));
  return parsed.ok ? parsed.wan : undefined;
}

/** A spreadsheet date (exceljs gives it as UTC midnight), a day number left unformatted, or text as people type it. */
function readDate(field: DateField, cell: ImportCell, today: IsoDate, reasons: string[]): IsoDate | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  // Excel counts days from 1899-12-30; 20000–80000 is 1954–2119, far from any amount or year typed in a date column.
  if (typeof cell === 'number' && cell > 20_000 && cell < 80_000)
    return new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000).toISOString().slice(0, 10);
  const parsed = parseDate(String(cell), today, { month: field === 'expectedStartOn' });
  if (parsed.ok) return parsed.date;
  reasons.push(describeDateRefusal(field, String(cell), today).replace(/。$/, ''));
  return null;
}

function readService(text: string | undefined, reasons: string[]): ImportedService | undefined {
  if (text === undefined) return 'unaccepted';
  if (text === serviceNames.approving) {
    reasons.push(`服务「${text}」不能导入：请写已受理，导入后再派单`);
    return undefined;
  }
  const found = (Object.keys(serviceNames) as ServiceState[]).find((state) => serviceNames[state] === text);
  if (!found) reasons.push(`服务「${text}」应为 未受理、已受理、已办结、已终止 之一`);
  return found as ImportedService | undefined;
}
