// Commands are plain Chinese text: the first word is the command; then references (T12, P3), then
// either free text (a result, a reason, materials) kept verbatim, or `键：值` fields for the commands
// that take fields (登记项目, 修改项目). People type on phones, so full-width letters, digits and
// spaces, the Chinese comma and enumeration comma, semicolons and line breaks are all accepted.
import { splitReferences, type Reference } from '../references/split-references.js';

export interface CommandLine {
  /** The first word, e.g. 登记项目. */
  command: string;
  /** Words that are not part of a field, in order (split at spaces and ，,、；;). */
  args: string[];
  /** `键：值` pairs; a later value for the same key wins. */
  fields: Record<string, string>;
  /** The field names in the order typed, repeats included (to refuse unknown ones). */
  fieldNames: string[];
  /** Everything after the command word, lines joined by a space. */
  text: string;
  /** The references right after the command word: `报到 T4 T8`, `报到 T8，T13`. */
  refs: Reference[];
  /** What follows the references, verbatim (colons, brackets and line breaks kept). */
  rest: string;
}

/** Separators between words and list entries. */
export const SEPARATORS = /[\s，,；;、]+/;
// A key is a short word that does not start with a digit, so "10:30" stays a plain word; it starts
// a line or follows a separator: `名称：甲，投资：8亿` has two fields. `http://…` is an address, not a
// field named http: a problem that links its document keeps the link (quoted in digests, issue 16).
const FIELD_START = /(^|[\s，,；;、]+)([^\s:：\d，,；;、][^\s:：，,；;、]{0,7})[:：](?!\/\/)/g;
const TRAILING = /[\s，,；;、。]+$/;

/**
 * @example parseCommandLine('受理 P12').refs // [{ kind: 'P', number: 12 }]
 * @example parseCommandLine('登记项目\n名称：光伏组件\n投资: 3.5亿').fields // { 名称: '光伏组件', 投资: '3.5亿' }
 * @example parseCommandLine('办结 T24 批复文号：卫自然资预〔2026〕5号').rest // '批复文号：卫自然资预〔2026〕5号'
 */
export function parseCommandLine(input: string): CommandLine {
  const trimmed = input.replace(/\r\n?/g, '\n').trim();
  const command = /^\S*/.exec(trimmed)![0];
  const remainder = trimmed.slice(command.length).replace(/^[ \t\u3000]+/, '');
  const { refs, words: refWords, rest } = splitReferences(remainder);

  // Fields are read after the references, so `退回 T14：缺少材料` is a reference and a reason.
  const fields: Record<string, string> = {};
  const fieldNames: string[] = [];
  const starts = [...rest.matchAll(FIELD_START)];
  const head = starts.length > 0 ? rest.slice(0, starts[0]!.index) : rest;
  starts.forEach((match, index) => {
    const key = match[2]!.normalize('NFKC');
    const from = match.index + match[0].length;
    const to = starts[index + 1]?.index ?? rest.length;
    fields[key] = rest.slice(from, to).replace(TRAILING, '').replace(/\s+/g, ' ').trim();
    fieldNames.push(key);
  });
  const args = [...refWords, ...head.split(SEPARATORS).filter((word) => word.length > 0)];
  const text = remainder
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  return { command, args, fields, fieldNames, text, refs, rest };
}

/** Splits a list typed with spaces, 、 ， , ； or ; between its entries. */
export function splitList(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** The first non-empty field among synonyms (投资 / 投资额 / 总投资). */
export function pickField(fields: Record<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fields[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Free text without a leading label people add out of habit: `原因：企业主动撤回` → `企业主动撤回`.
 * @example stripLabel('原因：企业主动撤回', ['原因']) // '企业主动撤回'
 */
export function stripLabel(text: string, labels: readonly string[]): string {
  for (const label of labels) {
    const match = new RegExp(`^${label}\\s*[:：]\\s*`).exec(text);
    if (match) return text.slice(match[0].length).trim();
  }
  return text.trim();
}
