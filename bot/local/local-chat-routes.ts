// HTTP endpoints for `npm run chat` (scripts/chat.ts), mounted only when no chat platform is
// configured, and answering only callers on this machine (see loopbackOnly). A typed line becomes
// the same IncomingEvent a WeCom message would, so it goes through exactly the same handler path.
import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { readBody } from '../read-body.js';
import type { Receive } from '../transport/transport.js';
import type { LocalDelivery, LocalMessenger } from './local-messenger.js';

const sayBody = z.object({ as: z.string().min(1), text: z.string().min(1).max(4000) });
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
    let json: unknown;
    try {
      json = JSON.parse(await readBody(ctx, 16 * 1024));
    } catch (error) {
      if ((error as { status?: number }).status) throw error;
      ctx.throw(400, 'body is not JSON');
    }
    const body = sayBody.safeParse(json);
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

  // Moves the clock (e.g. to a Tuesday 09:00) so the scheduled digests due then are sent.
  router.post('/clock', async (ctx) => {
    if (!options.moveClock) return ctx.throw(404, 'this bot has no movable clock');
    let json: unknown;
    try {
      json = JSON.parse(await readBody(ctx, 1024));
    } catch (error) {
      if ((error as { status?: number }).status) throw error;
      ctx.throw(400, 'body is not JSON');
    }
    const body = clockBody.safeParse(json);
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
