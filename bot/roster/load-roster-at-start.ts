// The roster at start-up: read, import, report each skipped line. A file byte-identical to the
// one imported last time is not imported again (nothing would change, and start-up is faster).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../../prisma/open-database.js';
import { ConfigError } from '../config.js';
import type { Logger } from '../../core/logger.js';
import { listPlatforms } from '../platforms.js';
import { importRoster } from './import-roster.js';
import { readRosterFile } from './read-roster-file.js';

const requiredColumns = ['姓名', '单位', '角色'];

export async function loadRosterAtStart(prisma: Db, file: string, logger: Logger): Promise<void> {
  let sha256: string;
  let rows;
  try {
    sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const last = await prisma.event.findFirst({ where: { kind: 'roster.imported' }, orderBy: { id: 'desc' }, select: { after: true } });
    if ((last?.after as { sha256?: string } | null)?.sha256 === sha256) {
      logger.info(`roster ${file} unchanged since its last import`);
      return;
    }
    rows = await readRosterFile(file);
  } catch (error) {
    throw new ConfigError(`ROSTER_FILE: cannot read ${file} (${(error as Error).message})`);
  }
  const accountColumns = listPlatforms().flatMap((platform) => (platform.rosterColumn ? [platform.rosterColumn.header] : []));
  const header = rows[0]?.cells;
  const missing = header ? requiredColumns.filter((column) => !(column in header)) : [];
  if (header && !accountColumns.some((column) => column in header)) missing.push(accountColumns.join(' or '));
  if (missing.length > 0)
    throw new ConfigError(
      `ROSTER_FILE: ${file} has no column ${missing.join(', ')} (expected ${requiredColumns.join(', ')} and ${accountColumns.join(' or ')})`,
    );
  const report = await importRoster(prisma, rows, sha256);
  for (const problem of report.problems) logger.warn(`roster ${file} line ${problem.line} skipped: ${problem.reason}`);
  logger.info({ loaded: report.loaded, deactivated: report.deactivated, skipped: report.problems.length }, `roster loaded from ${file}`);
}
