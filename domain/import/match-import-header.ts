// A column header of an imported ledger (docs/domain.md "Importing a ledger"): the fields 登记项目 knows,
// by the names counties' sheets give them (004 三(一)1 项目名称、建设内容、责任单位、实施企业名称及项目负责人联系电话;
// 003 一(二)4(1)(2) 投资额、分包领导、目标任务、时间节点), plus what the bot's own 台账 adds: 编号, 服务, 项目阶段.
// A unit in brackets (总投资（亿元）) says how to read a bare number in that column.
import { fieldOf, PHONE_FIELDS, type ProjectField } from '../project/project-fields.js';

export type ImportColumn = ProjectField | 'number' | 'phone' | 'stage' | 'service';

export interface ImportHeader {
  column: ImportColumn;
  /** 万元 per unit of a bare number in this column: 1 for 万元 (the default), 10000 for 亿元, 0.0001 for 元. */
  wanPerUnit: number;
}

/** County sheets' names beyond the ones 登记项目 takes (project-fields.ts). */
const MORE_NAMES: Record<string, ImportColumn> = {
  项目名: 'name',
  建设内容及规模: 'content',
  建设规模及内容: 'content',
  主要建设内容: 'content',
  总投资额: 'investment',
  计划总投资: 'investment',
  责任部门: 'leadUnit',
  牵头部门: 'leadUnit',
  包联领导: 'leader',
  县级包抓领导: 'leader',
  联系领导: 'leader',
  建设单位: 'enterprise',
  项目单位: 'enterprise',
  实施主体: 'enterprise',
  业主单位: 'enterprise',
  项目负责人: 'contact',
  土地摘牌时间: 'landListedOn',
  实际开工时间: 'startedOn',
  编号: 'number',
  项目编号: 'number',
  项目阶段: 'stage',
  阶段: 'stage',
  服务: 'service',
  服务状态: 'service',
};

const UNITS: Record<string, number> = { 万元: 1, 亿元: 10_000, 元: 0.0001 };

/**
 * @example matchImportHeader('总投资\n（亿元）') // { column: 'investment', wanPerUnit: 10000 }
 * @example matchImportHeader('分包领导') // { column: 'leader', wanPerUnit: 1 }
 * @example matchImportHeader('序号') // undefined
 */
export function matchImportHeader(header: string): ImportHeader | undefined {
  const text = header.normalize('NFKC').replace(/\s+/g, '');
  const unit = /\((万元|亿元|元)\)$/.exec(text);
  const name = unit ? text.slice(0, unit.index) : text;
  const column = PHONE_FIELDS.includes(name) ? 'phone' : (MORE_NAMES[name] ?? fieldOf(name));
  return column ? { column, wanPerUnit: unit ? UNITS[unit[1]!]! : 1 } : undefined;
}
