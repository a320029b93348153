// The two ways a WeCom API call fails: WeCom answered with an errcode (全局错误码), or no usable
// answer came back (no connection, network, timeout, HTTP status, not JSON). Messages never include
// the URL, which carries the access_token.
export class WecomApiError extends Error {
  constructor(
    readonly path: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    // errmsg ends with ", hint: [...], from ip: ..., more info at ..."; the first part is enough.
    super(`${path}: errcode ${errcode} ${errmsg.split(',')[0]}`);
    this.name = 'WecomApiError';
  }
}

export class WecomTransportError extends Error {
  constructor(
    readonly path: string,
    /** refused: no connection was made (bot/transport/describe-request-failure.ts). */
    readonly kind: 'refused' | 'network' | 'timeout' | 'http' | 'not_json',
    detail: string,
    readonly status?: number,
  ) {
    super(`${path}: ${kind} ${detail}`);
    this.name = 'WecomTransportError';
  }
}
