// Messages to a project group chat (WeCom docs, 消息推送 → 群聊会话: appchat/create, appchat/send).
// The chat is created on WeCom before its first message. WeCom lets only apps whose visible range
// is the root department manage group chats (48002 otherwise): then this and every later message
// to the chat go to each member one-to-one, through the outbox, and the admins are told once.
import type { Db } from '../../prisma/open-database.js';
import type { GroupChat } from '../../generated/prisma/client.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { Delivery, DeliveryResult } from '../outbox/messenger.js';
import type { WecomApi } from './create-wecom-api.js';
import { splitByBytes } from './split-by-bytes.js';
import { WecomApiError } from './wecom-api-error.js';

const MESSAGE_BYTES = 2048;
const NO_GROUP_CHATS =
  '企业微信不允许本应用创建群聊（错误码 48002：应用的可见范围须为根部门）。项目群消息已改为逐人发送；如需项目群，请在管理后台把应用可见范围设为全公司。';

export async function sendToGroupChat(api: WecomApi, prisma: Db, delivery: Delivery): Promise<DeliveryResult> {
  const chat = await prisma.groupChat.findUnique({ where: { id: delivery.recipient } });
  if (!chat) return { ok: false, retry: false, error: `no group chat ${delivery.recipient}` };
  const { message } = delivery;
  let refused = false;
  // appchat/send takes text and markdown, not interactive cards; WeCom wants at least 2 members.
  if (!chat.direct && (message.kind === 'text' || message.kind === 'markdown') && chat.members.length >= 2) {
    try {
      if (!chat.openedAt) await openChat(api, prisma, chat);
      for (const part of splitByBytes(message.text, MESSAGE_BYTES)) {
        await api.post('appchat/send', { chatid: chat.id, msgtype: message.kind, [message.kind]: { content: part }, safe: 0 });
      }
      return { ok: true };
    } catch (error) {
      if (!(error instanceof WecomApiError && error.errcode === 48002)) throw error;
      refused = true;
    }
  }
  await sendOneToOne(prisma, chat, delivery, refused);
  return { ok: true };
}

async function openChat(api: WecomApi, prisma: Db, chat: GroupChat): Promise<void> {
  try {
    await api.post('appchat/create', { chatid: chat.id, name: chat.name, owner: chat.owner, userlist: chat.members });
  } catch (error) {
    if (!(error instanceof WecomApiError) || error.errcode === 48002) throw error;
    // Created before a crash kept us from recording it? Then appchat/get finds it; else the error stands.
    await api.get('appchat/get', { chatid: chat.id }).catch(() => Promise.reject(error));
  }
  await prisma.groupChat.update({ where: { id: chat.id }, data: { openedAt: new Date() } });
}

/** One outbox row per member (deduplicated, so a retry of this delivery adds none). */
async function sendOneToOne(prisma: Db, chat: GroupChat, delivery: Delivery, refused: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const member of chat.members) {
      await enqueueMessage(tx, { recipient: member, message: delivery.message, taskId: delivery.taskId ?? undefined, dedupKey: `chat:${delivery.outboxId}:${member}` });
    }
    if (!refused) return;
    await tx.groupChat.update({ where: { id: chat.id }, data: { direct: true } });
    const admins = await tx.person.findMany({ where: { active: true, roles: { has: 'admin' } }, select: { userid: true } });
    for (const admin of admins) {
      await enqueueMessage(tx, { recipient: admin.userid, message: { kind: 'text', text: NO_GROUP_CHATS }, dedupKey: `wecom:no-group-chats:${admin.userid}` });
    }
  });
}
