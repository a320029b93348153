// Finds a person by one of their accounts (the roster's 企业微信账号 is also their local-chat account).
import type { Db } from '../../prisma/open-database.js';

export async function findPerson(prisma: Db, account: string, platform = 'local') {
  const row = await prisma.account.findUniqueOrThrow({ where: { platform_account: { platform, account } }, include: { person: true } });
  return row.person;
}
