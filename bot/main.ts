// Starts 项目管家: configuration → database (migrations applied) → roster → transports → loops.
// With nothing configured it runs on the embedded database with the demo roster and the local
// terminal chat, so `npm install && npm start` works on a fresh machine.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../prisma/open-database.js';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { LocalMessenger } from './local/local-messenger.js';
import { ShiftableClock } from './local/shiftable-clock.js';
import { moveLocalClock } from './local/move-local-clock.js';
import { localChatRoutes } from './local/local-chat-routes.js';
import { createLogger } from './logger.js';
import { loadRosterAtStart } from './roster/load-roster-at-start.js';
import { createServer } from './server.js';
import { createWecomTransport } from './wecom/create-wecom-transport.js';
import { CALLBACK_PATH } from './wecom/create-wecom-router.js';

const DEMO_ROSTER = fileURLToPath(new URL('./roster/demo-roster.csv', import.meta.url));

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await open(config);
  if (database.applied.length > 0) logger.info({ migrations: database.applied }, 'applied migrations');
  const { prisma } = database;

  // The demo roster only ever serves the local chat; a platform deployment loads its own.
  const roster = config.rosterFile ?? (config.wecom ? undefined : DEMO_ROSTER);
  if (roster) await loadRosterAtStart(prisma, roster, logger);
  else logger.warn('ROSTER_FILE is not set: serving the people already in the database');

  const wecom = config.wecom && createWecomTransport(config.wecom, { prisma, clock: systemClock, logger });
  const local = wecom ? undefined : new LocalMessenger(prisma);
  local?.deliveries.on('delivery', (delivery) => logger.info({ to: delivery.recipient }, `→ ${delivery.name}: ${delivery.text.split('\n')[0]}`));
  // The local chat may move the clock to try the scheduled digests (npm run chat -- --clock …).
  const localClock = wecom ? undefined : new ShiftableClock();
  const clock = localClock ?? systemClock;
  const app = createApp({ prisma, policy: config.policy, clock, logger, messenger: wecom?.messenger ?? local!, directory: wecom?.directory });
  // With WeCom configured the local chat is not mounted: it would let anyone reaching the port speak as anyone.
  const routers = wecom ? [wecom.router(app)] : [localChatRoutes(app, local!, clock, { moveClock: moveLocalClock({ prisma, policy: config.policy, logger, clock: localClock!, app }) })];
  const server = createServer(prisma, logger, routers, config.trustProxy);
  const listener = server.listen(config.port, () => {
    logger.info(`项目管家 is listening on http://127.0.0.1:${config.port} (embedded database: ${database.kind === 'pglite'})`);
    if (config.wecom) logger.info(`WeCom callbacks at ${CALLBACK_PATH}, API ${config.wecom.apiBase}`);
    else console.log(`\nNo chat platform configured: chat locally in another terminal, e.g.\n  npm run chat -- --as window     (专窗)\n  npm run chat -- --as zrzy.agent  (自然资源局代办员)\n`);
  });
  app.start();

  const shutdown = async (): Promise<void> => {
    logger.info('shutting down');
    listener.close();
    await app.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function open(config: Config) {
  const embedded = !config.database.includes('://');
  if (embedded) mkdirSync(dirname(config.database), { recursive: true });
  try {
    return await openDatabase(config.database);
  } catch (error) {
    const setting = embedded ? `DATA_DIR: cannot open the embedded database in ${config.database}` : 'DATABASE_URL: cannot open the database';
    throw new ConfigError(`${setting} (${(error as Error).message})`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`项目管家 cannot start — ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
