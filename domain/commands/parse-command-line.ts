// Commands are plain Chinese text: the first word is the command; fields follow on the same line
// separated by spaces, or on the following lines as `键：值` (full- or half-width colon). People
// type on phones, so full-width spaces and punctuation are accepted everywhere.

export interface CommandLine {
  /** The first word, e.g. 登记项目. */
  command: string;
  /** Words that are not part of a field, in order. */
  args: string[];
  /** `键：值` pairs; a later value for the same key wins. */
  fields: Record<string, string>;
  /** Everything after the command word, lines joined by a space (for free-text reasons). */
  text: string;
}

// A key is a short word that does not start with a digit, so "10:30" stays a plain word.
const FIELD = /^([^\s:：\d][^\s:：]{0,7})[:：](.*)$/s;

/**
 * @example parseCommandLine('受理 P12') // { command: '受理', args: ['P12'], fields: {}, text: 'P12' }
 * @example parseCommandLine('登记项目\n名称：光伏组件\n投资: 3.5亿').fields // { 名称: '光伏组件', 投资: '3.5亿' }
 */
export function parseCommandLine(input: string): CommandLine {
  const lines = input
    .replace(/\u3000/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const [first = '', ...following] = lines;
  const [command = '', ...firstWords] = first.split(/\s+/);
  const args: string[] = [];
  const fields: Record<string, string> = {};
  let current: string | undefined;
  const append = (key: string, word: string) => {
    fields[key] = fields[key] ? `${fields[key]} ${word}` : word;
  };

  for (const word of firstWords) {
    const field = FIELD.exec(word);
    if (field) {
      current = field[1]!;
      fields[current] = field[2]!.trim();
    } else if (current) append(current, word);
    else args.push(word);
  }
  for (const line of following) {
    const field = FIELD.exec(line);
    if (field) {
      current = field[1]!;
      fields[current] = field[2]!.trim();
    } else if (current) append(current, line);
    else args.push(...line.split(/\s+/));
  }
  const text = [first.slice(command.length).trim(), ...following].filter(Boolean).join(' ');
  return { command, args, fields, text };
}

/** Splits a list typed with spaces, 、 ， , ； or ; between its entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s、，,；;]+/)
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
