// Robot messages (机器人发送消息的类型; 批量发送人与机器人会话中机器人消息; 机器人发送群聊消息).
// 1:1 goes through oToMessages/batchSend with one user: DingTalk answers 200 even when it
// refuses the user, listing them in invalidStaffIdList (not a member, left the company) or
// flowControlledStaffIdList (too many messages to them just now). `msgParam` is a JSON *string*.
import type { DeliveryResult } from '../transport/messenger.js';
import type { DingtalkApi } from './create-dingtalk-api.js';

export type RobotMessage =
  | { msgKey: 'sampleText'; msgParam: { content: string } }
  | { msgKey: 'sampleMarkdown'; msgParam: { title: string; text: string } }
  /** A file uploaded first (oapi media/upload); fileType is the extension without the dot. */
  | { msgKey: 'sampleFile'; msgParam: { mediaId: string; fileName: string; fileType: string } }
  /** A picture: photoURL takes a URL or the media_id of an image uploaded first (oapi media/upload?type=image). */
  | { msgKey: 'sampleImageMsg'; msgParam: { photoURL: string } };

interface BatchSendAnswer {
  processQueryKey?: string;
  invalidStaffIdList?: string[];
  flowControlledStaffIdList?: string[];
}

// Flow control is per robot and user over a short window; a minute is enough to clear it.
const FLOW_CONTROL_WAIT_MS = 60_000;

export async function sendToPerson(api: DingtalkApi, robotCode: string, userId: string, message: RobotMessage): Promise<DeliveryResult> {
  const answer = await api.call<BatchSendAnswer>('POST', '/v1.0/robot/oToMessages/batchSend', {
    robotCode,
    userIds: [userId],
    msgKey: message.msgKey,
    msgParam: JSON.stringify(message.msgParam),
  });
  if (answer.invalidStaffIdList?.includes(userId)) {
    return { ok: false, retry: false, error: `batchSend: ${userId} is not a valid DingTalk user of this organisation (invalidStaffIdList)` };
  }
  if (answer.flowControlledStaffIdList?.includes(userId)) {
    return { ok: false, retry: true, error: `batchSend: ${userId} is flow-controlled (flowControlledStaffIdList)`, retryAfterMs: FLOW_CONTROL_WAIT_MS };
  }
  return { ok: true, platformMsgId: answer.processQueryKey };
}

export async function sendToGroup(api: DingtalkApi, robotCode: string, openConversationId: string, message: RobotMessage): Promise<DeliveryResult> {
  const answer = await api.call<{ processQueryKey?: string }>('POST', '/v1.0/robot/groupMessages/send', {
    robotCode,
    openConversationId,
    msgKey: message.msgKey,
    msgParam: JSON.stringify(message.msgParam),
  });
  return { ok: true, platformMsgId: answer.processQueryKey };
}
