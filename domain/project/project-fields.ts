// The project fields people type in 登记项目 and 修改项目, with the names each is known by. The fields
// are those of 004 三(一)1 (名称, 建设内容, 责任单位, 实施企业, 负责人电话) and 003 一(二)4(1)(2)
// (investment, industry, 包抓领导, 目标任务, 时间节点, 签约, 土地摘牌), with 预计开工 (开工预期,
// 000 第三条(一)1) and the stage dates that 修改项目 corrects (开工, 投产, 入库; docs/domain.md "Project
// life cycle"). A field name outside this list is refused with the list, never dropped: a dropped
// 投资额度 would silently register the wrong project. Markdown and HTML are refused too: the fields
// appear in markdown digests and cards (domain/markdown/has-markup.ts). So are invisible characters:
// a zero-width space or a direction mark makes a second 光伏组件项目 that looks like the first, or a
// name that reads backwards (Unicode TR#9); they come in with copied text. The bot's own zero-width
// row mark (bot/wecom/send-app-message.ts) is added to what it sends and never stored.
// 负责人电话 (004 三(一)1) is typed as its own field (电话：…, 联系电话：…): it joins the contact.
import { addCalendarDays, type IsoDate } from '../calendar/shanghai-time.js';
import { editDistance } from '../commands/match-command-word.js';
import { hasMarkup } from '../markdown/has-markup.js';

export type ProjectField =
  | 'name'
  | 'content'
  | 'investment'
  | 'industry'
  | 'leadUnit'
  | 'enterprise'
  | 'contact'
  | 'leader'
  | 'signedOn'
  | 'landListedOn'
  | 'targetTasks'
  | 'timeNodes'
  | 'expectedStartOn'
  | 'startedOn'
  | 'producedOn'
  | 'enrolledOn';

/** Set by the stage commands (开工, 投产, 入库) and only corrected by 修改项目. */
export const stageDateFields = ['startedOn', 'producedOn', 'enrolledOn'] as const satisfies readonly ProjectField[];

interface FieldInfo {
  /** The name shown to people (the first synonym). */
  label: string;
  synonyms: readonly string[];
  /** Characters; a longer value is refused with the limit. */
  maxLength: number;
}

export const projectFields: Record<ProjectField, FieldInfo> = {
  name: { label: '名称', synonyms: ['名称', '项目名称', '项目'], maxLength: 60 },
  content: { label: '内容', synonyms: ['内容', '建设内容', '项目内容'], maxLength: 500 },
  investment: { label: '投资', synonyms: ['投资', '投资额', '总投资', '计划投资'], maxLength: 30 },
  industry: { label: '行业', synonyms: ['行业', '产业', '所属行业'], maxLength: 30 },
  leadUnit: { label: '责任单位', synonyms: ['责任单位', '牵头单位'], maxLength: 40 },
  enterprise: { label: '企业', synonyms: ['企业', '实施企业', '企业名称', '公司'], maxLength: 60 },
  contact: { label: '联系人', synonyms: ['联系人', '企业联系人', '联络员', '负责人'], maxLength: 40 },
  leader: { label: '包抓领导', synonyms: ['包抓领导', '分包领导', '领导'], maxLength: 20 },
  signedOn: { label: '签约日期', synonyms: ['签约日期', '签约时间', '签约'], maxLength: 20 },
  landListedOn: { label: '土地摘牌日期', synonyms: ['土地摘牌日期', '摘牌日期', '土地摘牌'], maxLength: 20 },
  targetTasks: { label: '目标任务', synonyms: ['目标任务', '目标'], maxLength: 200 },
  timeNodes: { label: '时间节点', synonyms: ['时间节点', '节点'], maxLength: 200 },
  expectedStartOn: { label: '预计开工', synonyms: ['预计开工', '预计开工日期', '计划开工', '开工预期'], maxLength: 20 },
  startedOn: { label: '开工日期', synonyms: ['开工日期', '开工时间'], maxLength: 20 },
  producedOn: { label: '投产日期', synonyms: ['投产日期', '投产时间', '竣工投产日期'], maxLength: 20 },
  enrolledOn: { label: '入库日期', synonyms: ['入库日期', '入库时间', '纳统入库日期'], maxLength: 20 },
};

/** Names of the contact's phone typed as a field of its own; the value joins 联系人. */
export const PHONE_FIELDS: readonly string[] = ['电话', '联系电话', '手机', '联系方式', '负责人电话', '手机号'];

export type ReadFields =
  | { ok: true; values: Partial<Record<ProjectField, string>> }
  | { ok: false; code: 'UNKNOWN_FIELD'; names: string[]; meant: string[] }
  | { ok: false; code: 'TOO_LONG'; label: string; maxLength: number }
  | { ok: false; code: 'MARKUP'; label: string }
  | { ok: false; code: 'INVISIBLE'; label: string };

/** Zero-width (U+200B–U+200D, U+2060, U+FEFF) and direction characters (U+200E/F, U+202A–U+202E, U+2066–U+2069). */
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/;

/**
 * Maps typed field names to project fields; unknown names, over-long values, invisible characters and markup are refused.
 * @example readProjectFields({ 项目名称: '光伏', 投资额: '8亿' }) // { ok: true, values: { name: '光伏', investment: '8亿' } }
 */
export function readProjectFields(fields: Record<string, string>): ReadFields {
  const values: Partial<Record<ProjectField, string>> = {};
  const unknown: string[] = [];
  const phones: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const field = fieldOf(name);
    if (PHONE_FIELDS.includes(name)) phones.push(value.trim());
    else if (!field) unknown.push(name);
    else if (value.trim()) values[field] = value.trim();
  }
  if (unknown.length > 0) return { ok: false, code: 'UNKNOWN_FIELD', names: unknown, meant: unknown.flatMap((name) => nearestField(name) ?? []) };
  const phone = phones.filter(Boolean).join(' ');
  if (phone) values.contact = [values.contact, phone].filter(Boolean).join(' ');
  for (const [field, value] of Object.entries(values) as [ProjectField, string][]) {
    const { label, maxLength } = projectFields[field];
    if ([...value].length > maxLength) return { ok: false, code: 'TOO_LONG', label, maxLength };
    if (INVISIBLE.test(value)) return { ok: false, code: 'INVISIBLE', label };
    if (hasMarkup(value)) return { ok: false, code: 'MARKUP', label };
  }
  return { ok: true, values };
}

/** The project field a typed name means, if any. */
export function fieldOf(name: string): ProjectField | undefined {
  return (Object.keys(projectFields) as ProjectField[]).find((field) => projectFields[field].synonyms.includes(name));
}

/** The field name one slip away from what was typed (包抓领到 → 包抓领导), if exactly one is. */
function nearestField(name: string): string | undefined {
  const near = new Set(
    (Object.keys(projectFields) as ProjectField[]).flatMap((field) =>
      projectFields[field].synonyms.filter((synonym) => [...synonym].length >= 2 && editDistance(name, synonym) <= 1).map(() => projectFields[field].label),
    ),
  );
  return near.size === 1 ? [...near][0] : undefined;
}

/**
 * The refusal for a date that could not be read, with an example a person would type: a plan's date
 * (预计开工) some months ahead, any other date today, so the example is never a date already past.
 * @example describeDateRefusal('expectedStartOn', '明年春天', '2026-11-23') // '看不懂预计开工「明年春天」，请写成 2027-03-01 或 2027年3月。'
 * @example describeDateRefusal('signedOn', '上月', '2026-11-23', '修改项目 P1 ') // '看不懂签约日期「上月」，请写成 修改项目 P1 签约日期：2026-11-23。'
 */
export function describeDateRefusal(field: ProjectField, typed: string, today: IsoDate, command = ''): string {
  const { label } = projectFields[field];
  const ahead = `${addCalendarDays(today, 98).slice(0, 7)}-01`;
  const example = field === 'expectedStartOn' ? ahead : today;
  const month = field === 'expectedStartOn' ? `${ahead.slice(0, 4)}年${Number(ahead.slice(5, 7))}月` : '';
  const written = `${command ? `${command}${label}：` : ''}${example}`;
  return `看不懂${label}「${typed}」，请写成 ${written}${month ? `${command ? '（或' : ' 或 '}${month}${command ? '）' : ''}` : ''}。`;
}

/** The sentence for a refused field set, with what to type instead; `without` leaves out fields the command does not take. */
export function describeFieldRefusal(refusal: Exclude<ReadFields, { ok: true }>, without: readonly ProjectField[] = []): string {
  if (refusal.code === 'TOO_LONG') return `${refusal.label}最多 ${refusal.maxLength} 个字，请缩短后重发。`;
  if (refusal.code === 'INVISIBLE') return `${refusal.label}里有看不见的字符（零宽或文字方向符号），多是复制带来的，请手动输入后重发。`;
  if (refusal.code === 'MARKUP') return `${refusal.label}里不能有链接、标题或排版符号，请只写文字。`;
  const known = (Object.keys(projectFields) as ProjectField[])
    .filter((field) => !without.includes(field))
    .map((field) => projectFields[field].label)
    .join('、');
  const meant = refusal.meant.length > 0 ? `你是不是指：${refusal.meant.join('、')}？` : '';
  return `没有「${refusal.names.join('」「')}」这个字段。${meant}可以写的字段：${known}。`;
}
