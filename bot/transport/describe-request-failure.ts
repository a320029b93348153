// Why a platform call got no answer, and whether the platform may have taken the request anyway
// (docs/architecture.md "Faults and recovery"). A connection that was never made — refused, no such
// host, a connect that timed out — carried no request: the send surely failed. A reset or a close
// after connecting, or no answer before our timeout, may come after the platform took the request:
// the outcome is unknown, and a resend may show the message a second time.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export interface FetchFailure {
  /** refused: nothing was sent; timeout and network: the request may have been taken. */
  kind: 'refused' | 'timeout' | 'network';
  detail: string;
}

export function describeFetchFailure(error: unknown, timeoutMs: number): FetchFailure {
  const { name, message, code: own, cause } = error as Error & { code?: string; cause?: { code?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', detail: `after ${timeoutMs} ms` };
  // fetch puts the socket's error code on `cause`; a bare socket error carries it itself.
  const code = (cause?.code ?? own ?? message) || 'failed';
  return { kind: NOT_CONNECTED.has(code) ? 'refused' : 'network', detail: code };
}
