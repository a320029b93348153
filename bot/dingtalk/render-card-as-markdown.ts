// A card as DingTalk sampleMarkdown ({title, text}), for when no interactive card template is
// configured or a card cannot be updated in place: the fields as lines and, for each button, the
// text command that does the same (「报到 T34」). sampleActionCard is no alternative: its buttons
// only open URLs (机器人发送消息的类型 → sampleActionCard). Card titles and values carry typed text,
// quoted so it cannot render as a link or a heading.
import { quoteMarkdown } from '../../domain/markdown/quote-markdown.js';
import type { Card } from '../../core/messages.js';

export function renderCardAsMarkdown(card: Card, status?: string): { title: string; text: string } {
  const lines = [`#### ${quoteMarkdown(card.title)}`, ''];
  for (const field of card.fields) lines.push(`- **${field.label}**：${quoteMarkdown(field.value)}`);
  if (status) lines.push('', `**${status}**`);
  const commands = card.buttons.map((button) => button.command);
  if (commands.length > 0) lines.push('', `回复${commands.map((command) => `「${command}」`).join('或')}`);
  return { title: card.title, text: lines.join('\n') };
}
