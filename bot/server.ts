// The HTTP server: health, readiness, and the routers of the configured transports. One error
// boundary: expected HTTP errors answer with their status and are logged with their reason and
// the caller's IP; anything else is a 500 logged with its stack.
import Koa from 'koa';
import Router from '@koa/router';
import type { Db } from '../prisma/open-database.js';
import { readMigrations } from '../prisma/apply-migrations.js';
import type { Logger } from './logger.js';

/** `trustProxy`: behind a load balancer, take the caller's IP from X-Forwarded-For. */
export function createServer(prisma: Db, logger: Logger, routers: Router[], trustProxy = false): Koa {
  const server = new Koa({ proxy: trustProxy });
  server.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      const reason = (error as Error).message;
      if (status >= 500) logger.error({ err: error, path: ctx.path, ip: ctx.ip }, 'request failed');
      else logger.warn({ status, reason, path: ctx.path, ip: ctx.ip }, 'request refused');
      ctx.status = status;
      ctx.body = { error: status >= 500 ? 'internal error' : reason };
    }
  });

  const health = new Router();
  health.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  health.get('/readyz', async (ctx) => {
    const expected = readMigrations().map((migration) => migration.name);
    try {
      const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const applied = new Set(rows.map((row) => row.migration_name));
      const missing = expected.filter((name) => !applied.has(name));
      ctx.status = missing.length === 0 ? 200 : 503;
      ctx.body = { ready: missing.length === 0, database: 'ok', missingMigrations: missing };
    } catch (error) {
      logger.warn({ err: error }, 'readiness check: database unreachable');
      ctx.status = 503;
      ctx.body = { ready: false, database: 'unreachable' };
    }
  });

  for (const router of [health, ...routers]) server.use(router.routes()).use(router.allowedMethods());
  return server;
}
