// Why a platform call got no answer, and whether the platform may have taken the request anyway
// (docs/architecture.md "Faults and recovery"). A connection that was never made — refused, no such
// host, a connect that timed out — carried no request: the send surely failed. A reset or a close
// after connecting, or no answer before our timeout, may come after the platform took the request:
// the outcome is unknown, and a resend may show the message a second time.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CONNECT_TIMEOUT']);

export interface RequestFailure {
  /** refused: nothing was sent; timeout and network: the request may have been taken. */
  kind: 'refused' | 'timeout' | 'network';
  detail: string;
}

/** `error` as bot/transport/request-platform-api.ts throws it: node:http's socket error, or its own timeouts. */
export function describeRequestFailure(error: unknown, timeoutMs: number): RequestFailure {
  const { name, message, code } = error as Error & { code?: string };
  if (name === 'TimeoutError') return { kind: 'timeout', detail: `after ${timeoutMs} ms` };
  const detail = (code ?? message) || 'failed';
  return { kind: NOT_CONNECTED.has(detail) ? 'refused' : 'network', detail };
}
