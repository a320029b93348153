// One archive line for a message sent to the enterprise (送达, 002 五(五)(八)(十)): whether and what it
// received, the text cut to one short line; the archive's time column says when it was delivered.

export type DeliveryState = 'sent' | 'failed' | 'pending';

const MAX_CHARS = 60;

/**
 * @example describeDelivery({ text: 'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复', state: 'sent' }) // '送达企业：T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复'
 */
export function describeDelivery(delivery: { text: string; state: DeliveryState }): string {
  const flat = delivery.text.replace(/\s*\n\s*/g, ' ').trim();
  const snippet = [...flat].length > MAX_CHARS ? `${[...flat].slice(0, MAX_CHARS).join('')}…` : flat;
  const what = { sent: '送达企业', failed: '未能送达企业（发送失败）', pending: '待送达企业' }[delivery.state];
  return `${what}：${snippet}`;
}
