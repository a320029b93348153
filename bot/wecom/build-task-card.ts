// A card as a WeCom `button_interaction` template card (WeCom docs, 发送应用消息 → 模板卡片消息 →
// 按钮交互型). Each button's key names its button and card (`take|call:12`); the card's task_id
// must be unique per app, so it carries the outbox row (WeCom answers 42014 to a reused task_id).
// WeCom cards cannot take typed input: a button that asks for some (退回's reason) tells the
// person, in the card's text, the command to send instead.
import type { Card } from '../../core/messages.js';
import { encodeCardButtonKey } from './card-button-key.js';

// WeCom shows at most 6 label/value lines and 6 buttons on a card.
const MAX_LINES = 6;

export function buildTaskCard(card: Card, outboxId: bigint): Record<string, unknown> {
  const shown = card.fields.slice(0, MAX_LINES);
  const rest = card.fields.slice(MAX_LINES).map((field) => `${field.label}：${field.value}`);
  const typed = card.buttons.filter((button) => button.input).map((button) => `${button.text}请发送「${button.command}」`);
  const subTitle = [...rest, ...typed].join('\n');
  return {
    card_type: 'button_interaction',
    source: { desc: '项目管家' },
    main_title: { title: card.title },
    ...(subTitle && { sub_title_text: subTitle }),
    horizontal_content_list: shown.map((field) => ({ keyname: field.label, value: field.value })),
    task_id: `${card.key.replace(/[^A-Za-z0-9_\-@]/g, '')}-o${outboxId}`,
    button_list: card.buttons.slice(0, MAX_LINES).map((button) => ({
      text: button.text,
      // style 1 is the highlighted button, 2 the plain one (按钮交互型 → button_list.style).
      style: button.style === 'primary' ? 1 : 2,
      key: encodeCardButtonKey(button.id, card.key),
    })),
  };
}
