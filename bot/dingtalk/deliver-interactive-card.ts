// Interactive cards from a template (创建并投放卡片: POST /v1.0/card/instances/createAndDeliver;
// 更新卡片: PUT /v1.0/card/instances). Clicks come back over Stream (callbackType STREAM, topic
// /v1.0/card/instances/callback). The outTrackId is kept per card key and recipient (CardHandle):
// unlike WeCom's single-use response_code, it updates the same card any number of times.
import type { Db } from '../../prisma/open-database.js';
import type { Card } from '../../core/messages.js';
import { findCardHandle, saveCardHandle } from '../transport/card-handles.js';
import type { DeliveryResult } from '../transport/messenger.js';
import { buildCardParams } from './build-card-params.js';
import { encodeCardTrackId } from './card-track-id.js';
import type { DingtalkApi } from './create-dingtalk-api.js';

export interface CardTarget {
  /** A userId (1:1 with the robot) or an openConversationId (group). */
  id: string;
  space: 'IM_ROBOT' | 'IM_GROUP';
}

interface CreateAndDeliverAnswer {
  success?: boolean;
  result?: { outTrackId?: string; deliverResults?: { spaceId?: string; success?: boolean; errorMsg?: string; carrierId?: string }[] };
}

export async function deliverInteractiveCard(
  deps: { api: DingtalkApi; prisma: Db; robotCode: string; templateId: string; now: Date },
  target: CardTarget,
  card: Card,
  outboxId: bigint,
): Promise<DeliveryResult> {
  const outTrackId = encodeCardTrackId(card.key, outboxId);
  const space =
    target.space === 'IM_ROBOT'
      ? { imRobotOpenSpaceModel: { supportForward: false }, imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: deps.robotCode } }
      : { imGroupOpenSpaceModel: { supportForward: false }, imGroupOpenDeliverModel: { robotCode: deps.robotCode } };
  const answer = await deps.api.call<CreateAndDeliverAnswer>('POST', '/v1.0/card/instances/createAndDeliver', {
    cardTemplateId: deps.templateId,
    outTrackId,
    callbackType: 'STREAM',
    cardData: { cardParamMap: buildCardParams(card) },
    openSpaceId: `dtv1.card//${target.space}.${target.id}`,
    userIdType: 1,
    ...space,
  });
  const failed = answer.result?.deliverResults?.find((result) => result.success === false);
  if (failed) return { ok: false, retry: false, error: `createAndDeliver: not delivered to ${target.id}: ${failed.errorMsg ?? 'no reason given'}` };
  await saveCardHandle(deps.prisma, { platform: 'dingtalk', cardKey: card.key, account: target.id, handle: outTrackId, issuedAt: deps.now });
  return { ok: true, platformMsgId: outTrackId };
}

/**
 * Updates the newest card with this key that the recipient received. Returns null when there is
 * none (sent as markdown, or before this adapter kept handles): the caller sends the status as text.
 */
export async function updateInteractiveCard(
  deps: { api: DingtalkApi; prisma: Db },
  account: string,
  card: Card,
  status: string,
): Promise<DeliveryResult | null> {
  const outTrackId = await findCardHandle(deps.prisma, { platform: 'dingtalk', cardKey: card.key, account, spend: false });
  if (!outTrackId) return null;
  await deps.api.call('PUT', '/v1.0/card/instances', {
    outTrackId,
    cardData: { cardParamMap: buildCardParams(card, status) },
    // Only the keys sent change; the rest of the card stays (更新卡片 → cardUpdateOptions).
    cardUpdateOptions: { updateCardDataByKey: true },
  });
  return { ok: true, platformMsgId: outTrackId };
}
