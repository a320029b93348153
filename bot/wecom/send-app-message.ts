// message/send for one person (WeCom docs, 发送应用消息). Duplicate checking is on for every
// message: a resend after an unknown outcome (timeout, crash after the call) is dropped by WeCom
// instead of reaching the person twice. The cost: the same text to the same person within the
// interval is shown once, which for a bot's replies is the same information anyway.
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
