// message/send for one person (WeCom docs, 发送应用消息). Duplicate checking is on for every
// message, so a resend after an unknown outcome (a timeout, a crash after the call, a lease that
// ran out mid-send) is dropped by WeCom instead of reaching the person twice. So that two
// different messages with the same words (asking 进度 P1 twice in half an hour) both show, each
// text carries its outbox row's id as invisible zero-width characters: a resend of one row is
// identical, two rows never are.
import type { WecomApi } from './create-wecom-api.js';
import { WecomApiError } from './wecom-api-error.js';

export interface SentMessage {
  msgid?: string;
  /** Only for interactive template cards: a one-time handle for update_template_card (72 h). */
  response_code?: string;
}

const DUPLICATE_CHECK_SECONDS = 1800;

export async function sendAppMessage(api: WecomApi, agentId: number, touser: string, content: Record<string, unknown>): Promise<SentMessage> {
  const answer = await api.post<SentMessage & { invaliduser?: string; unlicenseduser?: string }>('message/send', {
    touser,
    agentid: agentId,
    ...content,
    enable_duplicate_check: 1,
    duplicate_check_interval: DUPLICATE_CHECK_SECONDS,
  });
  // errcode 0 with the person listed as invalid or unlicensed means nothing was delivered.
  if (answer.invaliduser) throw new WecomApiError('message/send', 40003, `invalid userid ${answer.invaliduser}`);
  // No errcode exists for this case; 0 keeps it out of every retryable class.
  if (answer.unlicenseduser) throw new WecomApiError('message/send', 0, `userid ${answer.unlicenseduser} has no licence (unlicenseduser)`);
  return answer;
}

/** Appends `id` in zero-width characters (U+200B for 0, U+200C for 1, after U+2060): invisible, unique per row. */
export function markWithId(text: string, id: bigint): string {
  return `${text}\u2060${id.toString(2).replace(/0/g, '\u200b').replace(/1/g, '\u200c')}`;
}

/** Bytes the mark may add: 3 for U+2060 and 3 per bit of a 48-bit id. */
export const MARK_BYTES = 3 + 3 * 48;
