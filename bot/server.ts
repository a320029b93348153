// The HTTP server: health, readiness, and the routers of the configured transports. One error
// boundary: expected HTTP errors answer with their status and are logged with their reason and
// the caller's IP; a caller that hung up is one info line; anything else is a 500 logged with its
// stack. Koa's own error events (a response stream failing) go to the same structured log
// instead of Koa's default, which prints stacks to stderr.
import Koa, { type Context } from 'koa';
import Router from '@koa/router';
import type { Db } from '../prisma/open-database.js';
import { readMigrations } from '../prisma/apply-migrations.js';
import { isClientGone } from './is-client-gone.js';
import type { Logger } from '../core/logger.js';
import type { Metrics } from './metrics/create-metrics.js';

/** Paths that are not a platform's callbacks: their refusals are not counted as refused callbacks. */
const OWN_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** `trustProxy`: behind a load balancer, take the caller's IP from X-Forwarded-For. */
/** `transportProblems`: what each connected transport reports as wrong (e.g. a stream down for over a minute). */
/** `metrics`: served at `/metrics` (README "部署": keep it off the public proxy); refused callbacks are counted by status. */
export function createServer(
  prisma: Db,
  logger: Logger,
  routers: Router[],
  trustProxy = false,
  transportProblems: () => (string | null)[] = () => [],
  metrics?: Metrics,
): Koa {
  const server = new Koa({ proxy: trustProxy });
  // A request refused at the door (bad signature, stale timestamp, malformed body…); an event refused
  // after decoding is also counted by app.receive as `invalid`.
  const countRefusal = (ctx: Context, status: number): void => {
    if (!OWN_PATHS.has(ctx.path)) metrics?.callback('refused', `http_${status}`);
  };
  server.use(async (ctx, next) => {
    // Read (and let Koa cache) the IP while the socket is there: a refusal may come after the
    // caller has gone, when Koa can no longer read it.
    const ip = callerIp(ctx);
    try {
      await next();
      if (ctx.status >= 400 && ctx.status < 500) countRefusal(ctx, ctx.status);
    } catch (error) {
      const given = (error as { status?: unknown }).status;
      const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
      const reason = (error as Error).message;
      if (isClientGone(error)) {
        logger.info({ reason, path: ctx.path, ip }, 'client went away mid-request');
      } else if (status >= 500) {
        logger.error({ err: error, path: ctx.path, ip }, 'request failed');
      } else {
        logger.warn({ status, reason, path: ctx.path, ip }, 'request refused');
      }
      if (status < 500) countRefusal(ctx, status);
      ctx.status = status;
      ctx.body = { error: status >= 500 ? 'internal error' : reason };
    }
  });
  server.on('error', (error: unknown, ctx?: Context) => {
    const where = { path: ctx?.path, ip: ctx && callerIp(ctx) };
    // Koa reports here what failed after the answer was started: the socket is the likely cause.
    if (isClientGone(error) || ctx?.req.socket?.destroyed) logger.info({ ...where, reason: (error as Error).message }, 'client went away mid-response');
    else logger.error({ ...where, err: error }, 'response failed');
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
      const problems = transportProblems().filter((problem): problem is string => problem !== null);
      const ready = missing.length === 0 && problems.length === 0;
      ctx.status = ready ? 200 : 503;
      ctx.body = { ready, database: 'ok', missingMigrations: missing, transports: problems };
    } catch (error) {
      logger.warn({ err: error }, 'readiness check: database unreachable');
      ctx.status = 503;
      ctx.body = { ready: false, database: 'unreachable' };
    }
  });

  if (metrics)
    health.get('/metrics', async (ctx) => {
      ctx.type = metrics.contentType;
      ctx.body = await metrics.render();
    });

  for (const router of [health, ...routers]) server.use(router.routes()).use(router.allowedMethods());
  return server;
}

/** Koa reads the IP from the socket, which is null once the caller is gone. */
function callerIp(ctx: Context): string {
  try {
    return ctx.ip;
  } catch {
    return '';
  }
}
