// POST /dingtalk/callback, for HTTP mode (机器人接收消息: the robot's 消息接收地址). Checked
// before anything else: the sign and timestamp headers (401), then the size (413 over 64 KB),
// then the pair's first use (401 for a second body under one `(timestamp, sign)`:
// claim-callback-sign.ts), then JSON and shape (400). Each refusal is logged with its reason and the caller's IP, no
// stack. A good message is recorded through `receive` and answered at once with an empty 200:
// replies go through the outbox, not the callback's answer.
import { createHash } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { readBody } from '../read-body.js';
import type { Receive } from '../transport/transport.js';
import type { SignClaim } from './claim-callback-sign.js';
import { receivePush, TOPIC_CARD, TOPIC_ROBOT } from './receive-push.js';
import { verifyCallbackSign } from './verify-callback-sign.js';

export const CALLBACK_PATH = '/dingtalk/callback';
const BODY_LIMIT = 64 * 1024;

export interface DingtalkRouterDeps {
  appSecret: string;
  receive: Receive;
  /** Spends a `(timestamp, sign)` pair on a body (claim-callback-sign.ts). */
  claimSign(pair: { timestamp: string; sign: string; body: string; now: Date }): Promise<SignClaim>;
  clock: Clock;
  logger: Logger;
}

export function createDingtalkRouter({ appSecret, receive, claimSign, clock, logger }: DingtalkRouterDeps): Router {
  const router = new Router();

  router.post(CALLBACK_PATH, async (ctx) => {
    const timestamp = ctx.get('timestamp');
    const sign = ctx.get('sign');
    const signed = verifyCallbackSign({ appSecret, timestamp: timestamp || undefined, sign: sign || undefined, nowMs: clock.now().getTime() });
    if (!signed.ok) return refuse(ctx, 401, signed.reason, logger);
    let body: string;
    try {
      body = await readBody(ctx, BODY_LIMIT);
    } catch (error) {
      if ((error as { status?: number }).status !== 413) throw error;
      return refuse(ctx, 413, (error as Error).message, logger);
    }
    // A redelivery goes on: `receive` answers it as a duplicate, or records it if the first try failed.
    if ((await claimSign({ timestamp, sign, body, now: clock.now() })) === 'reused')
      return refuse(ctx, 401, 'timestamp and sign already used for another body', logger);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return refuse(ctx, 400, 'body is not JSON', logger);
    }
    if (typeof data !== 'object' || data === null) return refuse(ctx, 400, 'body is not a JSON object', logger);
    // Robot messages carry msgtype; card callbacks (when routed here) carry outTrackId.
    const topic = 'outTrackId' in data ? TOPIC_CARD : TOPIC_ROBOT;
    const messageId = `http:${createHash('sha256').update(body).digest('hex').slice(0, 32)}`;
    const outcome = await receivePush({ topic, data, messageId, at: clock.now() }, receive, logger);
    if (outcome === 'invalid') return refuse(ctx, 400, 'message does not fit the DingTalk robot message shape', logger);
    ctx.status = 200;
    ctx.body = '';
  });

  return router;
}

function refuse(ctx: Context, status: 400 | 401 | 413, reason: string, logger: Logger): void {
  logger.warn({ status, reason, ip: ctx.ip }, 'dingtalk callback refused');
  ctx.status = status;
  ctx.body = { error: reason };
}
