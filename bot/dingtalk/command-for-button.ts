// The text command a card button stands for, for cards sent as markdown (no card template
// configured, or HTTP mode): a person types it instead of clicking. Card keys name their object
// with a prefix (`task:34`); people write it the way every command does (`T34`, handlers/index.ts).
// This is the one place that knows both the button ids of task cards and the command words.

/** Task-card buttons → command words (glossary: 报到, 办结, 退回). */
const WORDS: Record<string, string> = { take: '报到', finish: '办结', return: '退回' };
/** Card-key prefixes → the letter commands use for that object. */
const REFS: Record<string, string> = { task: 'T', project: 'P' };

/**
 * `commandForButton('task:34', 'take')` → `报到 T34`; with an input (退回's reason) the hint is
 * appended: `退回 T34 <原因>`. Unknown buttons or keys give undefined: the button is left out.
 */
export function commandForButton(cardKey: string, button: { id: string; input?: { placeholder: string } }): string | undefined {
  const word = WORDS[button.id];
  const match = /^([a-z]+):(\d+)$/.exec(cardKey);
  const letter = match ? REFS[match[1]!] : undefined;
  if (!word || !match || !letter) return undefined;
  const command = `${word} ${letter}${match[2]}`;
  return button.input ? `${command} <${button.input.placeholder}>` : command;
}
