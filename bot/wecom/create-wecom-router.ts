// GET and POST /wecom/callback (WeCom docs, 回调配置 and 接收消息与事件). Bad input is refused
// here — 413 over 64 KB, 401 for a bad signature or a timestamp over an hour off the clock, 400
// for anything undecryptable or malformed — and logged (warn, with its reason and the caller's
// IP, no stack) before anything touches the database. Nothing a caller sends may become a 5xx:
// a 5xx is reserved for our own failures (the database), which WeCom then retries.
// A good message is recorded through `receive` (one insert, deduplicated in the database) and
// answered at once; handlers run later, because WeCom retries a callback not answered within
// 5 seconds, up to three times.
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Receive } from '../transport/transport.js';
import { readBody } from '../read-body.js';
import type { WecomConfig } from './load-wecom-config.js';
import type { Refusal } from './check-timestamp.js';
import { openCallback, openUrlVerification } from './open-callback.js';
import type { CardClickHandle } from './to-incoming-event.js';

export const CALLBACK_PATH = '/wecom/callback';
const BODY_LIMIT = 64 * 1024;

export interface WecomRouterDeps {
  config: Pick<WecomConfig, 'token' | 'encodingAesKey' | 'corpId'>;
  receive: Receive;
  /** Keeps the response code of a card click, WeCom's handle for updating that card. */
  saveCardHandle(handle: CardClickHandle): Promise<void>;
  logger: Logger;
  /** The server's clock: callbacks whose timestamp is over an hour off it are refused. */
  clock: Clock;
}

export function createWecomRouter({ config, receive, saveCardHandle, logger, clock }: WecomRouterDeps): Router {
  const router = new Router();

  router.get(CALLBACK_PATH, (ctx) => {
    const opened = guard(() => openUrlVerification(config, ctx.query, clock.now()));
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
    const opened = guard(() => openCallback(config, ctx.query, body, clock.now()));
    if (!opened.ok) return refuse(ctx, opened, logger);
    if (opened.event) {
      const outcome = await receive(opened.event);
      if (outcome === 'invalid') return refuse(ctx, { ok: false, status: 400, reason: 'message fails validation' }, logger);
      // Kept once: a retry of the same click carries the same single-use code.
      if (outcome === 'accepted' && opened.cardHandle) await saveCardHandle(opened.cardHandle);
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

/**
 * openCallback turns bad input into refusals by design; should a library under it still throw on
 * some input nobody foresaw, that input is the caller's fault, so it is a 400 like the others.
 */
function guard<T>(open: () => T | Refusal): T | Refusal {
  try {
    return open();
  } catch (error) {
    return { ok: false, status: 400, reason: `unreadable callback: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
  }
}

function refuse(ctx: Context, refusal: Refusal | { ok: false; status: 400 | 413; reason: string }, logger: Logger): void {
  // Reasons can quote the caller's input (a tag name): bounded, so a log line stays a line.
  const reason = refusal.reason.slice(0, 300);
  logger.warn({ status: refusal.status, reason, ip: ctx.ip, method: ctx.method }, 'wecom callback refused');
  ctx.status = refusal.status;
  ctx.body = { error: reason };
}
