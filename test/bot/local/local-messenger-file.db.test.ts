// The local chat cannot show a file: the messenger writes it under DATA_DIR/files and the chat prints
// where. Only the bot's user can read it, the name is not guessable from the row id, and a link
// planted where the files go is not followed.
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalMessenger, type LocalDelivery } from '../../../bot/local/local-messenger.js';
import type { OutgoingMessage } from '../../../core/messages.js';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { openTestDatabase } from '../../support/test-database.js';

let db: Database;
let dataDir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  await createPeople(db.prisma, [{ account: 'office', name: '重点项目办小赵', roles: ['project_office'], platform: 'local' }]);
  dataDir = await mkdtemp(join(tmpdir(), 'ledger-files-'));
});
afterAll(async () => {
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

const file = (name: string, content: Buffer): OutgoingMessage => ({ kind: 'file', name, content: content.toString('base64') });
const deliver = (messenger: LocalMessenger, outboxId: bigint, message: OutgoingMessage) =>
  messenger.deliver({ outboxId, to: { account: 'office' }, message, attempt: 1, reply: true });

it('saves the file under DATA_DIR/files, readable by the bot alone, and tells the chat the path', async () => {
  const filesDir = join(dataDir, 'files');
  const messenger = new LocalMessenger(db.prisma, filesDir);
  const shown: LocalDelivery[] = [];
  messenger.deliveries.on('delivery', (delivery: LocalDelivery) => shown.push(delivery));
  const bytes = Buffer.from('PK\u0003\u0004 a small workbook', 'latin1');

  expect(await deliver(messenger, 41n, file('项目台账-2026-11-23.xlsx', bytes))).toEqual({ ok: true, platformMsgId: 'local-41' });

  const [saved] = await readdir(filesDir);
  // Its directory: the row id and random bytes, not the row id alone.
  expect(saved).toMatch(/^41-[0-9a-f]{16}$/);
  const path = join(filesDir, saved!, '项目台账-2026-11-23.xlsx');
  expect(shown).toEqual([{ recipient: 'office', name: '重点项目办小赵', text: `文件已保存：${path}` }]);
  expect(await readFile(path)).toEqual(bytes);
  expect((await lstat(filesDir)).mode & 0o777).toBe(0o700);
  expect((await lstat(dirname(path))).mode & 0o777).toBe(0o700);
  expect((await lstat(path)).mode & 0o777).toBe(0o600);
});

it('keeps a hostile name inside its directory', async () => {
  const filesDir = join(dataDir, 'files');
  const messenger = new LocalMessenger(db.prisma, filesDir);
  const shown: LocalDelivery[] = [];
  messenger.deliveries.on('delivery', (delivery: LocalDelivery) => shown.push(delivery));
  await deliver(messenger, 42n, file('../../escape.xlsx', Buffer.from('UEsDBA==', 'base64')));
  const path = shown[0]!.text.replace('文件已保存：', '');
  expect(dirname(dirname(path))).toBe(filesDir);
  expect(await readFile(path)).toEqual(Buffer.from('UEsDBA==', 'base64'));
});

it('does not follow a link planted where the files go: nothing is written, the row fails', async () => {
  const elsewhere = await mkdtemp(join(tmpdir(), 'planted-'));
  const filesDir = join(dataDir, 'planted', 'files');
  await mkdir(dirname(filesDir));
  await symlink(elsewhere, filesDir);
  const messenger = new LocalMessenger(db.prisma, filesDir);
  expect(await deliver(messenger, 43n, file('台账.xlsx', Buffer.from('x')))).toMatchObject({ ok: false, retry: false });
  expect(await readdir(elsewhere)).toEqual([]);
  await rm(elsewhere, { recursive: true, force: true });
});

it('closes a files directory left open by an earlier version', async () => {
  const filesDir = join(dataDir, 'old', 'files');
  await mkdir(filesDir, { recursive: true, mode: 0o755 });
  await deliver(new LocalMessenger(db.prisma, filesDir), 44n, file('台账.xlsx', Buffer.from('x')));
  expect((await lstat(filesDir)).mode & 0o777).toBe(0o700);
});
