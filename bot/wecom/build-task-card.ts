// A task card (任务分送单) as a WeCom `button_interaction` template card (WeCom docs, 发送应用消息
// → 模板卡片消息 → 按钮交互型). Each button's key names its action and task (`take:12`); the
// card's task_id must be unique per app, so it also carries the outbox row (WeCom answers 42014
// to a reused task_id).
import type { TaskCard } from '../outgoing-message.js';
import { encodeCardButtonKey } from './card-button-key.js';

// WeCom shows at most 6 label/value lines and 6 buttons on a card.
const MAX_LINES = 6;

function wecomTaskId(taskId: number, outboxId: bigint): string {
  return `task${taskId}-o${outboxId}`;
}

export function buildTaskCard(card: TaskCard, outboxId: bigint): Record<string, unknown> {
  const shown = card.fields.slice(0, MAX_LINES);
  const rest = card.fields.slice(MAX_LINES);
  return {
    card_type: 'button_interaction',
    source: { desc: '项目管家' },
    main_title: { title: card.title },
    ...(rest.length > 0 && { sub_title_text: rest.map((field) => `${field.label}：${field.value}`).join('\n') }),
    horizontal_content_list: shown.map((field) => ({ keyname: field.label, value: field.value })),
    task_id: wecomTaskId(card.taskId, outboxId),
    button_list: card.actions.slice(0, MAX_LINES).map((button) => ({
      text: button.text,
      // style 1 is the highlighted button, 2 the plain one (按钮交互型 → button_list.style).
      style: button.action === 'return' ? 2 : 1,
      key: encodeCardButtonKey(button.action, card.taskId),
    })),
  };
}
