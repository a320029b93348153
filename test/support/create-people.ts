// Creates roster people directly, each with a local-chat account, for tests that need no roster file.
import type { Db } from '../../prisma/open-database.js';

export interface TestPerson {
  account: string;
  name: string;
  roles: string[];
  unitId?: number;
  active?: boolean;
  platform?: 'wecom' | 'dingtalk' | 'local';
}

export async function createPeople(prisma: Db, people: TestPerson[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const { account, platform = 'local', ...data } of people) {
    const person = await prisma.person.create({ data: { ...data, accounts: { create: { platform, account } } } });
    ids.set(account, person.id);
  }
  return ids;
}

/** The account of each outbox row's person (or its chat, or the account it was addressed to). */
export async function outboxRecipients(prisma: Db, where: object = {}): Promise<{ recipient: string; text: string; status: string }[]> {
  const rows = await prisma.outbox.findMany({ where, orderBy: { id: 'asc' } });
  const accounts = await prisma.account.findMany({
    where: { personId: { in: rows.flatMap((row) => (row.personId === null ? [] : [row.personId])) } },
    orderBy: { platform: 'asc' },
  });
  const accountOf = new Map<number, string>();
  for (const row of accounts) if (!accountOf.has(row.personId)) accountOf.set(row.personId, row.account);
  return rows.map((row) => ({
    recipient: row.chatId ?? (row.personId !== null ? (accountOf.get(row.personId) ?? `person${row.personId}`) : `${row.account}`),
    text: (row.payload as { text?: string }).text ?? '',
    status: row.status,
  }));
}
