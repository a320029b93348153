// The enterprise contact field: a name and a mobile, in either order, with or without a space.
import { toHalfWidth } from './parse-investment.js';

export interface Contact {
  name: string;
  mobile: string | null;
}

/**
 * @example parseContact('张三 13800000000') // { name: '张三', mobile: '13800000000' }
 * @example parseContact('13800000000张三') // { name: '张三', mobile: '13800000000' }
 */
export function parseContact(text: string): Contact {
  const value = toHalfWidth(text);
  const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/.exec(value)?.[0] ?? null;
  const name = (mobile ? value.replace(mobile, ' ') : value).replace(/[\s,，、:：()（）]+/g, ' ').trim();
  return { name, mobile };
}
