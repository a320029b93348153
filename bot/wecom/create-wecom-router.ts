// GET and POST /wecom/callback (WeCom docs, 回调配置 and 接收消息与事件). Bad input is refused
// here — 413 over 64 KB, 401 for a bad signature, 400 for anything undecryptable or malformed —
// and logged with its reason and the caller's IP, before anything touches the database.
// A good message is recorded through `receive` (one insert, deduplicated in the database) and
// answered at once; handlers run later, because WeCom retries a callback not answered within
// 5 seconds, up to three times.
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Logger } from '../logger.js';
import type { Receive } from '../transport/transport.js';
import { readBody } from '../read-body.js';
import type { WecomConfig } from './load-wecom-config.js';
import { openCallback, openUrlVerification, type Refusal } from './open-callback.js';
import type { CardClickHandle } from './to-incoming-event.js';

export const CALLBACK_PATH = '/wecom/callback';
const BODY_LIMIT = 64 * 1024;

export interface WecomRouterDeps {
  config: Pick<WecomConfig, 'token' | 'encodingAesKey' | 'corpId'>;
  receive: Receive;
  /** Keeps the response code of a card click, WeCom's handle for updating that card. */
  saveCardHandle(handle: CardClickHandle): Promise<void>;
  logger: Logger;
}

export function createWecomRouter({ config, receive, saveCardHandle, logger }: WecomRouterDeps): Router {
  const router = new Router();

  router.get(CALLBACK_PATH, (ctx) => {
    const opened = openUrlVerification(config, ctx.query);
    if (!opened.ok) return refuse(ctx, opened, logger);
    logger.info({ ip: ctx.ip }, 'wecom callback URL verified');
    ctx.type = 'text/plain';
    ctx.body = opened.echo;
  });

  router.post(CALLBACK_PATH, async (ctx) => {
    let body: string;
    try {
      body = await readBody(ctx, BODY_LIMIT);
    } catch (error) {
      if ((error as { status?: number }).status !== 413) throw error;
      return refuse(ctx, { ok: false, status: 413, reason: (error as Error).message }, logger);
    }
    const opened = openCallback(config, ctx.query, body);
    if (!opened.ok) return refuse(ctx, opened, logger);
    if (opened.event) {
      if (opened.cardHandle) await saveCardHandle(opened.cardHandle);
      const outcome = await receive(opened.event);
      if (outcome === 'invalid') return refuse(ctx, { ok: false, status: 400, reason: 'message fails validation' }, logger);
      logger.debug({ dedupKey: opened.event.dedupKey, type: opened.event.type, outcome }, 'wecom callback received');
    } else {
      logger.debug({ event: opened.ignored }, 'wecom notification ignored');
    }
    // An empty 200 tells WeCom "received, no passive reply" (接收消息与事件 → 被动回复).
    ctx.status = 200;
    ctx.body = '';
  });

  return router;
}

function refuse(ctx: Context, refusal: Refusal | { ok: false; status: 400 | 413; reason: string }, logger: Logger): void {
  logger.warn({ status: refusal.status, reason: refusal.reason, ip: ctx.ip, method: ctx.method }, 'wecom callback refused');
  ctx.status = refusal.status;
  ctx.body = { error: refusal.reason };
}
