// `npm run restore <file>`: puts a backup of `npm run backup` back, after checking it, never under a
// running bot (bot/backup/restore-backup.ts). The replaced embedded database is kept beside the new one.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../bot/config.js';
import { restoreBackup } from '../bot/backup/restore-backup.js';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run restore -- <file>   (a backup from DATA_DIR/backups/)');
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const embedded = !config.database.includes('://');
  const result = await restoreBackup(file, embedded ? { kind: 'pglite', database: config.database } : { kind: 'postgres', url: config.database }, new Date());
  if (!result.ok) {
    console.error(`not restored: ${result.detail}`);
    return 1;
  }
  console.log(`restored ${file}: ${result.projects} projects, ${result.tasks} tasks, ${result.events} events`);
  if (result.replaced) console.log(`the database it replaced is kept in ${result.replaced}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `项目管家 cannot restore — ${error.message}` : error);
    process.exit(1);
  },
);
