// The two ways a DingTalk API call fails: DingTalk answered with an error code — the new API's
// string `code` (e.g. `Forbidden.AccessDenied.QpsLimitForApi`) or the older host's numeric
// `errcode` (服务端错误码) — or no usable answer came back (network, timeout, HTTP status, not
// JSON, or the gateway's HTML page for a throttled IP). Messages never carry the URL or headers,
// which hold the access token.
export class DingtalkApiError extends Error {
  constructor(
    readonly path: string,
    /** The new API's `code`, or the older host's `errcode` as a string (e.g. "90020"). */
    readonly code: string,
    detail: string,
    readonly status?: number,
  ) {
    super(`${path}: ${code} ${detail.slice(0, 200)}`.trim());
    this.name = 'DingtalkApiError';
  }
}

export class DingtalkTransportError extends Error {
  constructor(
    readonly path: string,
    /** refused: no connection was made (bot/transport/describe-request-failure.ts). */
    readonly kind: 'refused' | 'network' | 'timeout' | 'http' | 'not_json' | 'html',
    detail: string,
    readonly status?: number,
  ) {
    super(`${path}: ${kind} ${detail}`);
    this.name = 'DingtalkTransportError';
  }
}
