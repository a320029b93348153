// `问题 P12 土地摘牌未完成 建议：协调自然资源局` → the project, the description, the suggestion and an
// optional 类别; `问题 P12 无` (or the command 无问题 P12) answers Tuesday's ask with "no problem".
import { parseCommandLine, pickField } from '../commands/parse-command-line.js';

export type ParsedProblem =
  | { ok: true; projectRef: string; none: true }
  | { ok: true; projectRef: string; none: false; description: string; suggestion: string; category?: string }
  | { ok: false; code: 'PROJECT_REQUIRED' | 'DESCRIPTION_REQUIRED' };

const NONE = /^(无|没有|无问题)$/;

/**
 * @example parseProblem('问题 P3 无') // { ok: true, projectRef: 'P3', none: true }
 * @example parseProblem('问题 P3 用地指标不足 建议：县里统筹').suggestion // '县里统筹'
 */
export function parseProblem(text: string): ParsedProblem {
  const line = parseCommandLine(text);
  const [projectRef, ...words] = line.args;
  if (!projectRef) return { ok: false, code: 'PROJECT_REQUIRED' };
  const description = words.join(' ').trim();
  const suggestion = pickField(line.fields, '建议') ?? '';
  const category = pickField(line.fields, '类别', '分类');
  if (NONE.test(description) && !suggestion) return { ok: true, projectRef, none: true };
  if (!description) return { ok: false, code: 'DESCRIPTION_REQUIRED' };
  return { ok: true, projectRef, none: false, description, suggestion, ...(category && { category }) };
}
