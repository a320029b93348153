// The local chat cannot show a file: the messenger writes it to disk and the chat prints where.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalMessenger, type LocalDelivery } from '../../../bot/local/local-messenger.js';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { openTestDatabase } from '../../support/test-database.js';

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  await createPeople(db.prisma, [{ account: 'office', name: '重点项目办小赵', roles: ['project_office'], platform: 'local' }]);
  dir = await mkdtemp(join(tmpdir(), 'ledger-files-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

it('saves the file under its name and tells the chat the path', async () => {
  const messenger = new LocalMessenger(db.prisma, dir);
  const shown: LocalDelivery[] = [];
  messenger.deliveries.on('delivery', (delivery: LocalDelivery) => shown.push(delivery));
  const bytes = Buffer.from('PK\u0003\u0004 a small workbook', 'latin1');

  const result = await messenger.deliver({
    outboxId: 41n,
    to: { account: 'office' },
    message: { kind: 'file', name: '项目台账-2026-11-23.xlsx', content: bytes.toString('base64') },
    attempt: 1,
    reply: true,
  });

  const path = join(dir, '41', '项目台账-2026-11-23.xlsx');
  expect(result).toEqual({ ok: true, platformMsgId: 'local-41' });
  expect(shown).toEqual([{ recipient: 'office', name: '重点项目办小赵', text: `文件已保存：${path}` }]);
  expect(await readFile(path)).toEqual(bytes);
});

it('keeps a hostile name inside its directory', async () => {
  const messenger = new LocalMessenger(db.prisma, dir);
  await messenger.deliver({
    outboxId: 42n,
    to: { account: 'office' },
    message: { kind: 'file', name: '../../escape.xlsx', content: 'UEsDBA==' },
    attempt: 1,
    reply: false,
  });
  expect(await readFile(join(dir, '42', 'escape.xlsx'))).toEqual(Buffer.from('UEsDBA==', 'base64'));
});
