// The variables an interactive card template receives (创建并投放卡片 → cardData.cardParamMap,
// whose values must all be strings). The template, built by the operator in 卡片平台, shows them;
// README → DingTalk names them. Each button's callback must return the parameter `buttonId`
// (bound to `button1Id`…) and, for a button with an input box, `input`.
import type { Card } from '../../core/messages.js';

/** Task cards have at most three buttons (报到, 办结, 退回); a template has a fixed number of slots. */
export const BUTTON_SLOTS = 3;

export function buildCardParams(card: Card, status = ''): Record<string, string> {
  const params: Record<string, string> = {
    title: card.title,
    fields: card.fields.map((field) => `**${field.label}**：${field.value}`).join('\n'),
    status,
    buttonCount: String(Math.min(card.buttons.length, BUTTON_SLOTS)),
    // The whole list as JSON, for templates that loop over it.
    buttons: JSON.stringify(card.buttons.slice(0, BUTTON_SLOTS)),
  };
  for (let slot = 1; slot <= BUTTON_SLOTS; slot++) {
    const button = card.buttons[slot - 1];
    params[`button${slot}Id`] = button?.id ?? '';
    params[`button${slot}Text`] = button?.text ?? '';
    params[`button${slot}Style`] = button?.style ?? '';
    params[`button${slot}Input`] = button?.input?.placeholder ?? '';
  }
  return params;
}
