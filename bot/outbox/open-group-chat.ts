// Declares a group chat for a team (一个项目、一名领导、一批人员, 002 五(三)) in the same
// transaction that forms the team. Messages to it are outbox rows with `toChat: true` and the
// chat id as recipient; the platform's messenger creates the chat before its first message.
import type { Tx } from '../../prisma/open-database.js';

export interface GroupChatSpec {
  /** Letters and digits, at most 32 (WeCom appchat chatid), e.g. `project12`. */
  id: string;
  name: string;
  /** Userid of the chat owner, e.g. the leader in charge. */
  owner: string;
  /** Userids, the owner included. */
  members: string[];
}

export async function openGroupChat(tx: Tx, spec: GroupChatSpec): Promise<string> {
  if (!/^[A-Za-z0-9]{1,32}$/.test(spec.id)) throw new Error(`group chat id ${spec.id} must be 1–32 letters or digits`);
  const members = [...new Set([spec.owner, ...spec.members])];
  // WeCom cuts a chat name after 50 characters (appchat/create).
  const name = [...spec.name].slice(0, 50).join('');
  // Declared once: members added later are not yet pushed to the platform (appchat/update).
  await tx.groupChat.upsert({ where: { id: spec.id }, create: { id: spec.id, name, owner: spec.owner, members }, update: {} });
  return spec.id;
}
