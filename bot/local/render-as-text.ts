// How the terminal chat shows a message: cards become text with the commands that stand in
// for their buttons.
import type { Card, OutgoingMessage } from '../../core/messages.js';

export function renderAsText(message: OutgoingMessage): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'markdown':
      return `【${message.title}】\n${message.text}`;
    case 'card':
      return [`【${message.card.title}】`, ...message.card.fields.map((field) => `${field.label}：${field.value}`), buttonLine(message.card)]
        .filter(Boolean)
        .join('\n');
    case 'card_update':
      return [`〔${message.card.title}〕${message.status}`, buttonLine(message.card)].filter(Boolean).join('\n');
    case 'file':
      return `【文件】${message.name}`;
    case 'image':
      return `【图片】${message.name}`;
  }
}

function buttonLine(card: Card): string {
  return card.buttons.length > 0 ? `按钮：回复${card.buttons.map((button) => `「${button.command}」`).join(' ')}` : '';
}
