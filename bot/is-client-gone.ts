// A caller that hangs up mid-request is an everyday event on the internet (a phone losing its
// signal, a load balancer's health probe, WeCom giving up after its 5-second answer window), not a
// failure of ours: it is logged as one line without a stack, never as an error.
import type { Context } from 'koa';

const GONE_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'CLIENT_GONE']);

/** The error readBody and friends throw when the caller is gone. */
export function clientGone(message: string): Error {
  return Object.assign(new Error(message), { code: 'CLIENT_GONE', status: 400, expose: false });
}

export function isClientGone(error: unknown, ctx?: Context): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && GONE_CODES.has(code)) return true;
  if (message === 'aborted' || message === 'socket hang up') return true;
  return Boolean(ctx && !ctx.res.writableEnded && ctx.req.socket?.destroyed);
}
