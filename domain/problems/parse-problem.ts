// `问题 P12 土地摘牌未完成 建议：协调自然资源局` → the project, the description, the suggestion and an
// optional 类别; `问题 P12 无` (or the command 无问题 P12) answers Tuesday's ask with "no problem".
// The description is kept as typed after the reference — other `词：` labels, semicolons and links
// included — because it is what the leaders read on Wednesday (003 一(三)5(1)); only the 建议 and
// 类别 labels are set apart.
import { splitReferences } from '../references/split-references.js';

export type ParsedProblem =
  | { ok: true; projectRef: string; none: true }
  | { ok: true; projectRef: string; none: false; description: string; suggestion: string; category?: string }
  | { ok: false; code: 'PROJECT_REQUIRED' | 'DESCRIPTION_REQUIRED' };

const NONE = /^(无|没有|无问题)$/;
/** The labels set apart from the description; a label starts the text or follows a space or punctuation. */
const LABEL = /(^|[\s，,；;。])(建议|类别|分类)\s*[:：]/g;

/**
 * @example parseProblem('问题 P3 无') // { ok: true, projectRef: 'P3', none: true }
 * @example parseProblem('问题 P3 用地指标不足 建议：县里统筹').suggestion // '县里统筹'
 * @example parseProblem('问题 P1 用地手续未办 原因：林地指标不足').description // '用地手续未办 原因：林地指标不足'
 */
export function parseProblem(text: string): ParsedProblem {
  const afterWord = text.replace(/\r\n?/g, '\n').trim().replace(/^\S+/, '').trim();
  const { words, rest: afterRefs } = splitReferences(afterWord);
  // A project named by its name (问题 光伏 …) is the first word.
  const projectRef = words[0] ?? /^\S*/.exec(afterRefs)![0];
  if (!projectRef) return { ok: false, code: 'PROJECT_REQUIRED' };
  const body = words[0] ? afterRefs : afterRefs.slice(projectRef.length).trim();

  const labels = [...body.matchAll(LABEL)];
  const description = (labels.length > 0 ? body.slice(0, labels[0]!.index) : body).trim();
  const labelled: Record<string, string> = {};
  labels.forEach((match, index) => {
    const from = match.index + match[0].length;
    const to = labels[index + 1]?.index ?? body.length;
    labelled[match[2] === '分类' ? '类别' : match[2]!] = body.slice(from, to).trim();
  });
  const suggestion = labelled['建议'] ?? '';
  const category = labelled['类别'] || undefined;
  if (NONE.test(description) && !suggestion) return { ok: true, projectRef, none: true };
  if (!description) return { ok: false, code: 'DESCRIPTION_REQUIRED' };
  return { ok: true, projectRef, none: false, description, suggestion, ...(category && { category }) };
}
