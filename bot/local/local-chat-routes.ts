// HTTP endpoints for `npm run chat` (scripts/chat.ts), mounted only when no chat platform is
// configured, and answering only on the loopback interface. A typed line becomes the same
// IncomingEvent a WeCom message would, so it goes through exactly the same handler path.
import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { readBody } from '../read-body.js';
import type { Receive } from '../transport/transport.js';
import type { LocalDelivery, LocalMessenger } from './local-messenger.js';

const sayBody = z.object({ as: z.string().min(1), text: z.string().min(1).max(4000) });

export function localChatRoutes(receive: Receive, messenger: LocalMessenger, clock: Clock): Router {
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
    const outcome = await receive({ platform: 'local', type: 'text', account: body.data.as, text: body.data.text, dedupKey: randomUUID(), at: clock.now().toISOString() });
    if (outcome === 'invalid') return ctx.throw(400, 'the message fails validation');
    ctx.status = 202;
    ctx.body = { accepted: true };
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

async function loopbackOnly(ctx: Context, next: Next): Promise<void> {
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(ctx.request.ip)) ctx.throw(403, 'the local chat answers only on this machine');
  await next();
}
