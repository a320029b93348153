// Messages to a project group chat (WeCom docs, 消息推送 → 群聊会话: appchat/create, appchat/update,
// appchat/send). The chat is created on WeCom before its first message and its members updated when
// the team changed. appchat/send takes text, markdown and pictures (图片消息: a media_id from
// media/upload?type=image), not interactive cards or our files, and WeCom lets
// only apps whose visible range is the root department manage group chats (48002): both come back
// as `groupRefused`, and the shared outbox sends the message to each member instead. appchat/send
// has no duplicate check: a resend after an unknown outcome starts with the line RESEND_MARK (a
// markdown's title line with it, a picture a line of its own before it), so the chat sees it is the same
// message again.
import type { Db } from '../../prisma/open-database.js';
import type { OutgoingMessage } from '../../core/messages.js';
import { RESEND_MARK, type ChatTarget, type DeliveryResult } from '../transport/messenger.js';
import type { WecomApi } from './create-wecom-api.js';
import { markWithId } from './send-app-message.js';
import { WecomApiError } from './wecom-api-error.js';

/** Bytes a resend's mark adds: RESEND_MARK and a line break. */
export const RESEND_LINE_BYTES = Buffer.byteLength(`${RESEND_MARK}\n`);

export async function sendToGroupChat(
  api: WecomApi,
  prisma: Db,
  chat: ChatTarget,
  message: OutgoingMessage,
  outboxId: bigint,
  resend: boolean,
): Promise<DeliveryResult> {
  if (message.kind !== 'text' && message.kind !== 'markdown' && message.kind !== 'image')
    return { ok: false, retry: false, error: `WeCom group chats take no ${message.kind}`, groupRefused: true };
  // WeCom wants at least 2 members in a group chat (appchat/create).
  if (chat.members.length < 2) return { ok: false, retry: false, error: 'a WeCom group chat needs two members', groupRefused: true };
  try {
    await syncChat(api, prisma, chat);
    const mark = resend ? RESEND_MARK : '';
    if (message.kind === 'image') {
      if (resend)
        await api.post('appchat/send', { chatid: chat.id, msgtype: 'text', text: { content: markWithId(`${mark}${message.name}`, outboxId) }, safe: 0 });
      const { media_id } = await api.upload('image', message.name, Buffer.from(message.content, 'base64'));
      await api.post('appchat/send', { chatid: chat.id, msgtype: 'image', image: { media_id }, safe: 0 });
      return { ok: true };
    }
    const shown = message.kind === 'markdown' ? `**${mark}${message.title}**\n${message.text}` : `${mark && `${mark}\n`}${message.text}`;
    const content = markWithId(shown, outboxId);
    await api.post('appchat/send', { chatid: chat.id, msgtype: message.kind, [message.kind]: { content }, safe: 0 });
    return { ok: true };
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 48002)
      return { ok: false, retry: false, error: '企业微信不允许本应用使用群聊（错误码 48002：应用的可见范围须为根部门）', groupRefused: true };
    throw error;
  }
}

/** Creates the chat, or brings its members in line with the team. */
async function syncChat(api: WecomApi, prisma: Db, chat: ChatTarget): Promise<void> {
  const stored = await prisma.groupChat.findUniqueOrThrow({ where: { id: chat.id } });
  if (!stored.openedAt) {
    try {
      await api.post('appchat/create', { chatid: chat.id, name: chat.name, owner: chat.owner, userlist: chat.members });
    } catch (error) {
      if (!(error instanceof WecomApiError) || error.errcode === 48002) throw error;
      // Created before a crash kept us from recording it? Then appchat/get finds it; else the error stands.
      await api.get('appchat/get', { chatid: chat.id }).catch(() => Promise.reject(error));
    }
    await prisma.groupChat.update({ where: { id: chat.id }, data: { openedAt: new Date(), syncedMembers: chat.members } });
    return;
  }
  const added = chat.members.filter((member) => !stored.syncedMembers.includes(member));
  const removed = stored.syncedMembers.filter((member) => !chat.members.includes(member));
  if (added.length === 0 && removed.length === 0) return;
  await api.post('appchat/update', { chatid: chat.id, add_user_list: added, del_user_list: removed });
  await prisma.groupChat.update({ where: { id: chat.id }, data: { syncedMembers: chat.members } });
}
