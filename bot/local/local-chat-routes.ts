// HTTP endpoints for `npm run chat` (scripts/chat.ts), mounted only when no chat platform is
// configured, and answering only callers on this machine (see loopbackOnly). A typed line becomes
// the same IncomingEvent a WeCom message would, so it goes through exactly the same handler path.
import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../domain/import/read-import-sheet.js';
import type { Clock } from '../../core/clock.js';
import { readBody } from '../read-body.js';
import type { Receive } from '../transport/transport.js';
import type { LocalDelivery, LocalMessenger } from './local-messenger.js';

const sayBody = z.object({ as: z.string().min(1), text: z.string().min(1).max(4000) });
/** `npm run chat -- --file x.xlsx`: the file base64, or only its size when it is larger than the bot takes. */
const fileBody = z.object({ as: z.string().min(1), name: z.string().min(1).max(255), size: z.number().int().nonnegative(), content: z.string().optional() });
/** Shanghai wall time, `2026-12-01 09:00`. */
const clockBody = z.object({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/) });

export interface LocalChatOptions {
  /** Moves the bot's clock and runs what is due then (local chat only). */
  moveClock?: (at: Date) => Promise<void>;
}

export function localChatRoutes(receive: Receive, messenger: LocalMessenger, clock: Clock, options: LocalChatOptions = {}): Router {
  const router = new Router({ prefix: '/local' });
  router.use(loopbackOnly);

  router.post('/say', async (ctx) => {
    const body = sayBody.safeParse(await readJson(ctx, 16 * 1024));
    if (!body.success) return ctx.throw(400, 'expected {"as": userid, "text": message}');
    const outcome = await receive({
      platform: 'local',
      type: 'text',
      account: body.data.as,
      text: body.data.text,
      dedupKey: randomUUID(),
      at: clock.now().toISOString(),
    });
    if (outcome === 'invalid') return ctx.throw(400, 'the message fails validation');
    ctx.status = 202;
    ctx.body = { accepted: true };
  });

  // A file sent as `as` (a ledger to import): the same event a platform's file message becomes.
  router.post('/file', async (ctx) => {
    const body = fileBody.safeParse(await readJson(ctx, Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4096));
    if (!body.success) return ctx.throw(400, 'expected {"as": userid, "name": file name, "size": bytes, "content": base64}');
    const { as, name, size, content } = body.data;
    const outcome = await receive({
      platform: 'local',
      type: 'file',
      account: as,
      name,
      size,
      ...(content !== undefined && { content }),
      dedupKey: randomUUID(),
      at: clock.now().toISOString(),
    });
    if (outcome === 'invalid') return ctx.throw(400, 'the file fails validation');
    ctx.status = 202;
    ctx.body = { accepted: true };
  });

  // Moves the clock (e.g. to a Tuesday 09:00) so the scheduled digests due then are sent.
  router.post('/clock', async (ctx) => {
    if (!options.moveClock) return ctx.throw(404, 'this bot has no movable clock');
    const body = clockBody.safeParse(await readJson(ctx, 1024));
    if (!body.success) return ctx.throw(400, 'expected {"at": "2026-12-01 09:00"} (Asia/Shanghai)');
    const at = new Date(`${body.data.at.replace(' ', 'T')}:00+08:00`);
    if (Number.isNaN(at.getTime())) return ctx.throw(400, 'not a date');
    await options.moveClock(at);
    ctx.body = { now: clock.now().toISOString() };
  });

  // Server-sent events: one `data:` line per message the bot delivers, to anyone.
  // The response is written directly: a chat that closes is the normal end, not an error.
  router.get('/messages', (ctx) => {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    ctx.res.write(': connected\n\n');
    const forward = (delivery: LocalDelivery): void => void ctx.res.write(`data: ${JSON.stringify(delivery)}\n\n`);
    messenger.deliveries.on('delivery', forward);
    ctx.req.on('close', () => messenger.deliveries.off('delivery', forward));
  });

  return router;
}

/** The request's JSON body, at most `limit` bytes; 400 when it is not JSON. */
async function readJson(ctx: Context, limit: number): Promise<unknown> {
  try {
    return JSON.parse(await readBody(ctx, limit));
  } catch (error) {
    if ((error as { status?: number }).status) throw error;
    return ctx.throw(400, 'body is not JSON');
  }
}

// The whole 127.0.0.0/8 block is loopback (RFC 1122 3.2.1.3), as are ::1 and its IPv4-mapped form.
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

/**
 * The local chat lets its caller speak as anyone, so it answers only a caller on this machine,
 * judged by the TCP connection itself. Never by X-Forwarded-For, which any caller can write and
 * Koa believes under TRUST_PROXY=1; and a request that carries such a header came through a
 * proxy, so its real caller may be anywhere: refused too, even when the proxy is local.
 */
export async function loopbackOnly(ctx: Context, next: Next): Promise<void> {
  const peer = ctx.req.socket.remoteAddress ?? '';
  if (!LOOPBACK.test(peer)) ctx.throw(403, `the local chat answers only on this machine, not to ${peer || 'an unknown address'}`);
  if (ctx.get('x-forwarded-for') || ctx.get('forwarded')) ctx.throw(403, 'the local chat answers no request relayed by a proxy');
  await next();
}
