// `npm run backup`: a consistent copy of the database in DATA_DIR/backups/, keeping the newest
// `backups.kept` (policy). The embedded database is copied by the process that holds it: a running bot is
// asked with SIGUSR2 and this waits for its file; with no bot running, this opens the directory itself.
// PostgreSQL: pg_dump (docs/architecture.md "Backups"; README "部署").
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig } from '../bot/config.js';
import { findDataDirHolder, holdDataDir } from '../bot/backup/hold-data-dir.js';
import { takeBackup, type BackupResult } from '../bot/backup/take-backup.js';
import { prepareDataDir } from '../bot/prepare-data-dir.js';
import { openDatabase } from '../prisma/open-database.js';

const WAIT_FOR_BOT_MS = 10 * 60 * 1000;

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const embedded = !config.database.includes('://');
  const dataDir = dirname(config.database);
  const holder = embedded ? findDataDirHolder(dataDir) : null;
  if (holder !== null) return askRunningBot(holder, config.backupsDir);
  if (embedded) {
    prepareDataDir(config.database);
    const lock = holdDataDir(dataDir);
    if (!lock.ok) return askRunningBot(lock.holder, config.backupsDir);
  }
  const database = await openDatabase(config.database).catch((error: unknown) => {
    const setting = embedded ? `DATA_DIR: cannot open the embedded database in ${config.database}` : 'DATABASE_URL: cannot open the database';
    throw new ConfigError(`${setting} (${(error as Error).message?.split('\n')[0] || String(error)})`);
  });
  try {
    const source = database.dump ? { kind: 'pglite' as const, dump: database.dump } : { kind: 'postgres' as const, url: config.database };
    return report(await takeBackup(database.prisma, source, { dir: config.backupsDir, kept: config.policy.backups.kept, now: new Date() }));
  } finally {
    await database.close();
  }
}

/** The bot writes the file (bot/main.ts); this prints its name once it is there. */
async function askRunningBot(pid: number, dir: string): Promise<number> {
  const before = new Set(listBackups(dir));
  process.kill(pid, 'SIGUSR2');
  console.log(`项目管家 (pid ${pid}) is running: it takes the backup …`);
  for (const deadline = Date.now() + WAIT_FOR_BOT_MS; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    const made = listBackups(dir).find((name) => !before.has(name));
    if (made) {
      console.log(`backup written: ${dir}/${made}`);
      return 0;
    }
  }
  console.error(`no backup appeared in ${dir}: see the bot's log`);
  return 1;
}

function listBackups(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('xiangmu-guanjia-') && !name.endsWith('.partial')) : [];
}

function report(result: BackupResult): number {
  if (!result.ok) {
    console.error(`no backup: ${result.detail}`);
    return 1;
  }
  console.log(
    `backup written: ${result.file} (${Math.ceil(result.bytes / 1024)} KiB)${result.removed.length ? `; removed the oldest: ${result.removed.join(', ')}` : ''}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `项目管家 cannot back up — ${error.message}` : error);
    process.exit(1);
  },
);
