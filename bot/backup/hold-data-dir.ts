// Marks DATA_DIR as held by this process while the bot runs on the embedded database. PGlite keeps no
// postmaster.pid of its own, and two processes writing one PGlite directory corrupt it; `npm run restore`
// must not replace a directory under a running bot, and `npm run backup` asks the holder to take the
// copy (docs/architecture.md "Backups").
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'bot.pid';

/** The pid of a live process holding `dataDir`, or null (no lock file, or its process is gone). */
export function findDataDirHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it still holds the directory.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Takes `dataDir` for this process; returns the pid of another live holder instead (nothing written).
 * The returned release removes the lock file if it is still ours.
 */
export function holdDataDir(dataDir: string): { ok: true; release(): void } | { ok: false; holder: number } {
  const holder = findDataDirHolder(dataDir);
  if (holder !== null && holder !== process.pid) return { ok: false, holder };
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, `${process.pid}\n`);
  const atExit = (): void => {
    if (findDataDirHolder(dataDir) === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', atExit);
  return {
    ok: true,
    release() {
      process.off('exit', atExit);
      atExit();
    },
  };
}
