// Start-up with a DATA_DIR it cannot use: one line that names DATA_DIR and the cause, exit 1 — no
// stack trace, no "(undefined)" (issue 16). The real entry point runs in a child process. Root
// writes through file modes, so as root a read-only directory is a read-only bind mount in a
// private mount namespace (unshare), as on a disk remounted read-only.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { botCommand } from '../support/bot-command.js';

const root = mkdtempSync(join(tmpdir(), 'xmgj-data-dir-'));
const asRoot = process.getuid?.() === 0;
const MOUNT_READ_ONLY = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1"';
/** Without CAP_SYS_ADMIN (a locked-down container) root cannot make a directory read-only: those cases are skipped. */
const canMountReadOnly = !asRoot || spawnSync('unshare', ['-m', 'sh', '-c', MOUNT_READ_ONLY, 'sh', root]).status === 0;

interface Started {
  status: number | null;
  stderr: string;
  stdout: string;
}

/** Starts bot/main.ts with DATA_DIR; `readOnly` is a directory made read-only for this process only. */
function start(dataDir: string, readOnly?: string): Started {
  const entry = [process.execPath, ...botCommand()];
  if (readOnly && !asRoot) chmodSync(readOnly, 0o555);
  const [command, ...args] = readOnly && asRoot ? ['unshare', '-m', 'sh', '-c', `${MOUNT_READ_ONLY} && shift && exec "$@"`, 'sh', readOnly, ...entry] : entry;
  const result = spawnSync(command!, args, {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

function expectOneLine(result: Started, message: RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/undefined/);
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
}

describe('start-up with a DATA_DIR it cannot use', () => {
  it('refuses a DATA_DIR that is a file', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expectOneLine(start(file), /^项目管家 cannot start — DATA_DIR: .*a-file is a file, not a directory$/);
  });

  it('refuses a DATA_DIR that cannot be created (a file on its path)', () => {
    const file = join(root, 'in-the-way');
    writeFileSync(file, 'x');
    expectOneLine(start(join(file, 'data')), /^项目管家 cannot start — DATA_DIR: cannot create .*in-the-way\/data \(ENOTDIR: not a directory/);
  });

  it('refuses a DATA_DIR another running bot holds: two processes on one PGlite directory corrupt it', () => {
    const dataDir = join(root, 'held');
    mkdirSync(dataDir);
    // This test's process plays the running bot (bot/backup/hold-data-dir.ts).
    writeFileSync(join(dataDir, 'bot.pid'), `${process.pid}\n`);
    expectOneLine(
      start(dataDir),
      new RegExp(`^项目管家 cannot start — DATA_DIR: .*held is in use by another 项目管家 process \\(pid ${process.pid}\\) or a restore$`),
    );
  });

  it.skipIf(!canMountReadOnly)('refuses a DATA_DIR that is not writable', () => {
    const dataDir = join(root, 'read-only');
    mkdirSync(dataDir);
    expectOneLine(start(dataDir, dataDir), /^项目管家 cannot start — DATA_DIR: .*read-only is not writable \((EROFS|EACCES)/);
  });

  it.skipIf(!canMountReadOnly)('refuses an existing database made read-only, naming the cause', async () => {
    const dataDir = join(root, 'existing');
    mkdirSync(dataDir);
    const lite = new PGlite({ dataDir: join(dataDir, 'pglite') });
    await lite.query('select 1');
    await lite.close();
    expectOneLine(
      start(dataDir, join(dataDir, 'pglite')),
      /^项目管家 cannot start — DATA_DIR: the embedded database in .*existing\/pglite is read-only \((EROFS|EACCES)/,
    );
  });
});
