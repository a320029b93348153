// Reads a request body up to a size limit. A larger body is refused with 413 as soon as the limit
// is passed, whether it declared its length or came chunked, without keeping more of it; a caller
// that hangs up mid-body ends the read with a "client went away" error (bot/is-client-gone.ts)
// rather than a failure of ours.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';
import { clientGone } from './is-client-gone.js';

// After a 413 the rest of an oversized body is read and dropped, so the caller still gets the
// answer (a socket closed mid-upload makes clients report a reset instead); past this much more,
// the connection is cut.
const DISCARD_LIMIT = 1024 * 1024;

export async function readBody(ctx: Context, limitBytes: number): Promise<string> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limitBytes) return refuse(ctx, `body of ${declared} bytes is over the ${limitBytes}-byte limit`);
  // Koa's ctx.ip reads the socket, which is gone once the caller is: read it while it is there.
  void ctx.ip;
  const req = ctx.req;
  const chunks: Buffer[] = [];
  let size = 0;
  const outcome = await new Promise<'ended' | 'too big' | Error>((resolve) => {
    const done = (result: 'ended' | 'too big' | Error): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) done('too big');
      else chunks.push(chunk);
    };
    const onEnd = (): void => done('ended');
    const onError = (error: Error): void => done(error);
    const onClose = (): void => done(clientGone('the client closed the connection mid-body'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
  if (outcome === 'too big') return refuse(ctx, `body is over the ${limitBytes}-byte limit`);
  // A request stream fails only when its connection does: the caller's side, not ours.
  if (outcome instanceof Error) throw clientGone(`the request broke off: ${outcome.message}`);
  return Buffer.concat(chunks).toString('utf8');
}

function refuse(ctx: Context, reason: string): never {
  discardRest(ctx.req);
  ctx.set('Connection', 'close');
  return ctx.throw(413, reason);
}

function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) req.socket?.destroy();
  });
  req.on('error', () => {});
  req.resume();
}
