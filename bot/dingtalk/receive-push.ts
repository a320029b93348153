// One DingTalk push — from the Stream connection or an HTTP callback — converted and handed to
// the bot's `receive`, which records it once (its dedupKey makes DingTalk's redeliveries
// duplicates). A push that does not convert is logged with its reason and dropped: storing it
// would only make the processor fail on it.
import type { Logger } from '../../core/logger.js';
import type { Receive } from '../transport/transport.js';
import { cardCallbackToEvent, robotMessageToEvent } from './to-incoming-event.js';

export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';
export const TOPIC_CARD = '/v1.0/card/instances/callback';

export interface Push {
  topic: string;
  /** The push's payload, parsed from its JSON string. */
  data: unknown;
  /** The stream frame's messageId (HTTP: a hash of the body). */
  messageId: string;
  at: Date;
}

export async function receivePush(push: Push, receive: Receive, logger: Logger): Promise<'accepted' | 'duplicate' | 'invalid' | 'ignored'> {
  let converted;
  if (push.topic === TOPIC_ROBOT) converted = robotMessageToEvent(push.data);
  else if (push.topic === TOPIC_CARD) converted = cardCallbackToEvent(push.data, push);
  else {
    logger.debug({ topic: push.topic }, 'dingtalk push on an unknown topic ignored');
    return 'ignored';
  }
  if (!converted.ok) {
    logger.warn({ topic: push.topic, messageId: push.messageId, reason: converted.reason }, 'dingtalk push refused');
    return 'invalid';
  }
  const outcome = await receive(converted.event);
  logger.debug({ dedupKey: converted.event.dedupKey, type: converted.event.type, outcome }, 'dingtalk push received');
  return outcome;
}
