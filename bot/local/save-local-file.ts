// Where the local chat keeps a file it cannot show (the 台账 workbook): under DATA_DIR/files, readable
// by the bot's own user only (directories 0700, files 0600). Nothing is created through a link: the
// files directory must be a real directory of this user (lstat, not stat), each file gets a new
// directory named by its outbox row and random bytes (mkdir fails if anything is there, and the
// name cannot be guessed from the row id alone), and the file is opened O_EXCL | O_NOFOLLOW.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open } from 'node:fs/promises';
import { basename, join } from 'node:path';

export async function saveLocalFile(filesDir: string, outboxId: bigint, name: string, content: Buffer): Promise<string> {
  await mkdir(filesDir, { recursive: true, mode: 0o700 });
  const stats = await lstat(filesDir);
  if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid())) throw new Error(`${filesDir} is not a directory of this user`);
  // A directory from before (or made under another umask) is closed to others as well.
  if ((stats.mode & 0o777) !== 0o700) await chmod(filesDir, 0o700);
  const dir = join(filesDir, `${outboxId}-${randomBytes(8).toString('hex')}`);
  await mkdir(dir, { mode: 0o700 });
  const plain = basename(name);
  const path = join(dir, plain === '' || plain === '.' || plain === '..' ? 'file' : plain);
  const file = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    await file.writeFile(content);
  } finally {
    await file.close();
  }
  return path;
}
