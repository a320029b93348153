// The enterprise contact field: a name and a phone, in either order, with or without a space. The
// phone is a mobile or an office landline with its area code (0878-6221234): 004 三(一)1 asks for
// 负责人电话, and many enterprise offices answer a landline.
import { toHalfWidth } from './parse-investment.js';

export interface Contact {
  name: string;
  mobile: string | null;
}

/**
 * @example parseContact('张三 13800000000') // { name: '张三', mobile: '13800000000' }
 * @example parseContact('13800000000张三') // { name: '张三', mobile: '13800000000' }
 * @example parseContact('王会计 0878-6221234') // { name: '王会计', mobile: '0878-6221234' }
 */
export function parseContact(text: string): Contact {
  const value = toHalfWidth(text);
  const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/.exec(value)?.[0] ?? /(?<![\d-])0\d{2,3}-?\d{7,8}(?:-\d{1,5})?(?![\d-])/.exec(value)?.[0] ?? null;
  const name = (mobile ? value.replace(mobile, ' ') : value).replace(/[\s,，、:：()（）]+/g, ' ').trim();
  return { name, mobile };
}
