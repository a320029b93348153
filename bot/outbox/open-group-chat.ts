// A project's group chat (一个项目、一名领导、一批人员, 002 五(三)), declared in the transaction that
// forms or changes the team and following it: the messenger creates the chat on the platform before
// its first message and updates its members when they differ. The chat lives on the first configured
// platform that has group chats and where every member has an account; otherwise its messages go
// to each member (core/enqueue-message.ts).
import type { Tx } from '../../prisma/open-database.js';
import type { Platform } from '../../core/messages.js';

export interface GroupChatSpec {
  projectId: number;
  name: string;
  ownerId: number;
  memberIds: number[];
}

export async function openGroupChat(tx: Tx, spec: GroupChatSpec, groupPlatforms: readonly Platform[]): Promise<string> {
  const id = `project${spec.projectId}`;
  const memberIds = [...new Set([spec.ownerId, ...spec.memberIds])];
  // WeCom cuts a chat name after 50 characters (appchat/create).
  const name = [...spec.name].slice(0, 50).join('');
  const existing = await tx.groupChat.findUnique({ where: { id } });
  const platform = existing?.platform ?? (await choosePlatform(tx, memberIds, groupPlatforms));
  await tx.groupChat.upsert({
    where: { id },
    create: { id, projectId: spec.projectId, name, ownerId: spec.ownerId, memberIds, platform, syncedMembers: [] },
    update: { memberIds, ownerId: spec.ownerId },
  });
  return id;
}

async function choosePlatform(tx: Tx, memberIds: number[], groupPlatforms: readonly Platform[]): Promise<Platform | null> {
  const accounts = await tx.account.groupBy({ by: ['platform'], where: { personId: { in: memberIds } }, _count: { _all: true } });
  // A platform's group chats need at least two members (WeCom appchat/create).
  return (
    groupPlatforms.find((platform) => memberIds.length >= 2 && accounts.find((row) => row.platform === platform)?._count._all === memberIds.length) ?? null
  );
}
