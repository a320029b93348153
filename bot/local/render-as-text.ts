// How the terminal chat shows a message: cards become text with the commands that stand in
// for their buttons.
import type { OutgoingMessage } from '../outgoing-message.js';

const buttonCommands = { take: '报到', finish: '办结', return: '退回' } as const;

export function renderAsText(message: OutgoingMessage): string {
  switch (message.kind) {
    case 'text':
    case 'markdown':
      return message.text;
    case 'card': {
      const { card } = message;
      const fields = card.fields.map((field) => `${field.label}：${field.value}`);
      const buttons = card.actions.map((action) => `「${buttonCommands[action.action]} T${card.taskId}」`).join(' ');
      return [`【${card.title}】`, ...fields, buttons && `按钮：回复${buttons}`].filter(Boolean).join('\n');
    }
    case 'card_update': {
      const buttons = (message.card?.actions ?? []).map((action) => `「${buttonCommands[action.action]} T${message.taskId}」`).join(' ');
      return [`〔任务 T${message.taskId} 的卡片〕${message.status}`, buttons && `按钮：回复${buttons}`].filter(Boolean).join('\n');
    }
  }
}
