// A caller that hangs up mid-request is an everyday event on the internet (a phone losing its
// signal, a load balancer's health probe, WeCom giving up after its 5-second answer window), not a
// failure of ours: it is logged as one line without a stack, never as an error.

const GONE_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'CLIENT_GONE']);

/** The error readBody and friends throw when the caller is gone. */
export function clientGone(message: string): Error {
  return Object.assign(new Error(message), { code: 'CLIENT_GONE', status: 400, expose: false });
}

/**
 * Judged by the error alone, so a failure of ours (the database) is never hidden as "client went
 * away" because the caller also gave up. `HPE_*` are Node's HTTP parser errors: a request that
 * broke off or was malformed on the wire.
 */
export function isClientGone(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (GONE_CODES.has(code) || code.startsWith('HPE_'))) return true;
  return message === 'aborted' || message === 'socket hang up';
}
