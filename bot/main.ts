// Starts 项目管家: configuration → database (migrations applied) → roster → transports → loops.
// With nothing configured it runs on the embedded database with the demo roster and the local
// terminal chat, so `npm install && npm start` works on a fresh machine.
import { existsSync, watchFile } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../prisma/open-database.js';
import { recomputeTaskClocks } from '../use-cases/recompute-task-clocks.js';
import { createApp } from './app.js';
import { systemClock } from '../core/clock.js';
import { FileClock } from './file-clock.js';
import { ConfigError, loadConfig, logSecrets, type Config } from './config.js';
import { listen } from './listen.js';
import { createLogger } from '../core/logger.js';
import { prepareDataDir } from './prepare-data-dir.js';
import { loadRosterAtStart } from './roster/load-roster-at-start.js';
import { createServer } from './server.js';
import { holdDataDir } from './backup/hold-data-dir.js';
import { runNightlyBackup } from './backup/run-nightly-backup.js';
import { takeBackup } from './backup/take-backup.js';
import { createMetrics } from './metrics/create-metrics.js';
import { createKanbanRouter } from '../web/create-kanban-router.js';
import { loadSessionKey } from '../web/session/load-session-key.js';
import { signInPath } from '../web/login/sign-in-path.js';
import { platformNames } from './platforms.js';

/** Events handled at once on PostgreSQL: within the client's pool of 10 connections, leaving room for the other loops. */
const INBOUND_WORKERS_ON_POSTGRES = 4;
const DEMO_ROSTER = fileURLToPath(new URL('./roster/demo-roster.csv', import.meta.url));
/** How long a SIGTERM waits for running work (within the 5 s a supervisor usually allows). */
const STOP_DEADLINE_MS = 4000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, logSecrets(config));
  const database = await open(config);
  if (database.applied.length > 0) logger.info({ migrations: database.applied }, 'applied migrations');
  const { prisma } = database;
  // CLOCK_FILE gives every process one movable clock (tests and demos of several instances).
  const fileClock = config.clockFile ? new FileClock(config.clockFile) : undefined;
  // Only the local chat runs alone (onlyWhenAlone); any other platform means real people.
  const onPlatform = config.platforms.some(({ platform }) => !platform.onlyWhenAlone);
  if (fileClock && onPlatform) logger.warn(`CLOCK_FILE is set: the clock is simulated, read from ${config.clockFile}`);
  const baseClock = fileClock ?? systemClock;

  // The demo roster only ever serves the local chat; a platform deployment loads its own.
  const roster = config.rosterFile ?? (onPlatform ? undefined : DEMO_ROSTER);
  if (roster) await loadRosterAtStart(prisma, roster, logger);
  else logger.warn('ROSTER_FILE is not set: serving the people already in the database');

  // Deadlines are derived from the calendar and the policy: a changed POLICY_FILE moves them now.
  const moved = await prisma.$transaction((tx) => recomputeTaskClocks(tx, config.policy, baseClock.now()));
  if (moved > 0) logger.info({ tasks: moved }, 'open task deadlines follow the current policy');

  // Every configured platform, in order of preference (bot/platforms.ts); the local chat only when there is none.
  const deps = { prisma, clock: baseClock, logger, filesDir: config.filesDir, movableClock: fileClock };
  const transports = config.platforms.map(({ platform, settings }) => platform.createTransport(settings, deps));
  const directory = Object.fromEntries(transports.flatMap((transport) => (transport.fetchDirectory ? [[transport.platform, transport.fetchDirectory]] : [])));
  const files = Object.fromEntries(transports.flatMap((transport) => (transport.fetchFile ? [[transport.platform, transport.fetchFile]] : [])));
  // The local chat's clock can be moved to try the scheduled digests; a platform's only by CLOCK_FILE.
  const movable = transports.find((transport) => transport.clock);
  const clock = movable?.clock ?? baseClock;
  const metrics = createMetrics(prisma, clock);
  // Only the process holding the embedded database can copy it: `npm run backup` asks it with SIGUSR2.
  const { dump } = database;
  const backup = dump && {
    nightly: (now: Date) => runNightlyBackup(prisma, { kind: 'pglite', dump }, { dir: config.backupsDir, policy: config.policy, now, logger }),
    now: () =>
      takeBackup(prisma, { kind: 'pglite', dump }, { dir: config.backupsDir, kept: config.policy.backups.kept, now: clock.now() }).then(
        (result) => result.ok && logger.info({ file: result.file, bytes: result.bytes, removed: result.removed.length }, 'backup taken'),
        (error: unknown) => logger.error({ err: error }, 'backup failed'),
      ),
  };
  if (backup) takeBackupOnSignal = () => void backup.now();
  // The 看板's address: PUBLIC_URL, or for the local chat the address the server listens on (known once it does).
  let listeningUrl: string | null = null;
  const kanbanUrl = (): string | null => config.publicUrl ?? (onPlatform ? null : listeningUrl);
  const webLogins = config.publicUrl ? transports.flatMap((transport) => (transport.webLogin ? [transport.webLogin] : [])) : [];
  const app = createApp({
    kanban: { baseUrl: kanbanUrl, signInPaths: new Map(webLogins.map((login) => [login.platform, signInPath(login)])) },
    prisma,
    policy: config.policy,
    policySources: config.policySources,
    clock,
    logger,
    messengers: transports.map((transport) => transport.messenger),
    jobs: { directory, files },
    inboundWorkers: database.kind === 'postgres' ? INBOUND_WORKERS_ON_POSTGRES : 1,
    metrics,
    nightlyBackup: config.policy.backups.nightlyAt === null ? undefined : backup?.nightly,
  });
  const kanban = createKanbanRouter({
    prisma,
    policy: config.policy,
    clock,
    logger,
    publicUrl: () => kanbanUrl() ?? '',
    sessionKey: loadSessionKey(prisma, config.sessionSecret, () => clock.now()),
    logins: webLogins,
    platforms: platformNames(),
  });
  const routers = [...transports.flatMap((transport) => (transport.routes ? [transport.routes(app.receive)] : [])), kanban];
  const runWhatCameDue = () =>
    app
      .runSchedules()
      .then(() => app.escalate())
      .then(() => app.deliver())
      .then(() => undefined);
  if (movable) movable.afterClockMoved = runWhatCameDue;
  // Every process notices a move of the shared clock within a fifth of a second and runs what came due.
  if (config.clockFile)
    watchFile(config.clockFile, { interval: 200 }, () =>
      runWhatCameDue().then(
        () => logger.info({ now: clock.now().toISOString() }, 'clock moved: what came due has run'),
        (error: unknown) => logger.error({ err: error }, 'clock moved: running what came due failed'),
      ),
    );
  for (const transport of transports) await transport.start?.(app.receive);
  const server = createServer(prisma, logger, routers, config.trustProxy, () => transports.map((transport) => transport.health?.() ?? null), metrics);
  const { server: listener, url } = await listen(server, config.port, config.host);
  listeningUrl = url;
  const where = config.host === '0.0.0.0' || config.host === '::' ? `${url} (all interfaces)` : url;
  logger.info(`项目管家 is listening on ${where} (embedded database: ${database.kind === 'pglite'})`);
  for (const { platform, settings } of config.platforms) logger.info(platform.describe(settings));
  for (const { platform } of config.platforms) if (platform.greeting) console.log(platform.greeting);
  logger.info(kanbanUrl() ? `看板 at ${kanbanUrl()}/kanban (send 看板 in the chat for a link)` : '看板 off: set PUBLIC_URL to serve it to WeCom or DingTalk');
  app.start();

  // A stop waits for the loops' running passes: a send pass finishes the sends under way and puts
  // back what it had claimed and not started. One that takes longer (a slow platform) is cut short,
  // so a supervisor's SIGTERM is answered within seconds; a send cut mid-way goes again when its
  // lease ends, and WeCom's duplicate check drops it if it did arrive (docs/architecture.md "Faults and recovery").
  const shutdown = async (): Promise<void> => {
    logger.info('shutting down');
    setTimeout(() => {
      logger.warn(`stopped after ${STOP_DEADLINE_MS} ms with work still running: messages cut mid-send go again when their lease ends`);
      process.exit(0);
    }, STOP_DEADLINE_MS).unref();
    listener.close();
    await app.stop();
    for (const transport of transports) await transport.stop?.();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** What SIGUSR2 (`npm run backup`) does once the bot is up; set by main. */
let takeBackupOnSignal: (() => void) | null = null;

async function open(config: Config) {
  const embedded = !config.database.includes('://');
  if (embedded) {
    prepareDataDir(config.database);
    // Two processes on one PGlite directory corrupt it; `npm run restore` takes the same lock.
    const lock = holdDataDir(dirname(config.database));
    if (!lock.ok) throw new ConfigError(`DATA_DIR: ${dirname(config.database)} is in use by another 项目管家 process (pid ${lock.holder}) or a restore`);
    // From the moment the lock names this process, `npm run backup` may signal it: SIGUSR2's default would end it.
    process.on('SIGUSR2', () => (takeBackupOnSignal ? takeBackupOnSignal() : console.warn('backup asked for during start-up: ask again once it has started')));
  }
  try {
    return await openDatabase(config.database);
  } catch (error) {
    const setting = embedded ? `DATA_DIR: cannot open the embedded database in ${config.database}` : 'DATABASE_URL: cannot open the database';
    throw new ConfigError(`${setting} (${describeCause(error)})`);
  }
}

/** PGlite throws errno objects without a message: the cause then reads as their name and number. */
function describeCause(error: unknown): string {
  if (error instanceof Error && error.message) return error.message.split('\n')[0]!;
  const { name, code, errno } = (error ?? {}) as { name?: unknown; code?: unknown; errno?: unknown };
  return [name, code, errno === undefined ? undefined : `errno ${String(errno)}`].filter((part) => part !== undefined).join(' ') || String(error);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const line of error.message.split('\n')) console.error(`项目管家 cannot start — ${line}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
