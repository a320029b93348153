// A small DingTalk server-API client. The access token (获取企业内部应用的accessToken:
// POST /v1.0/oauth2/accessToken → {accessToken, expireIn}) lives in the shared token cache
// (bot/transport/create-token-cache.ts). The
// same token serves the new host (header x-acs-dingtalk-access-token) and the older
// oapi.dingtalk.com (query access_token), where the contacts API lives. A call refused for a bad
// or expired token drops it, fetches a new one and retries once.
import { DingtalkApiError, DingtalkTransportError } from './dingtalk-api-error.js';
import { createTokenCache } from '../transport/create-token-cache.js';
import { describeRequestFailure } from '../transport/describe-request-failure.js';
import { requestPlatformApi, type ApiAnswer } from '../transport/request-platform-api.js';

export interface DingtalkApi {
  /** api.dingtalk.com: `POST|PUT /v1.0/…`, JSON in and out; a non-2xx answer throws. */
  call<T extends object>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T>;
  /** oapi.dingtalk.com: `POST /topapi/…`; an answer with errcode ≠ 0 throws. */
  oapi<T extends object>(path: string, body: unknown): Promise<T>;
  /**
   * oapi.dingtalk.com `POST /media/upload?type=file` (上传媒体文件): multipart field `media` with
   * its filename; answers `{errcode, media_id, type, created_at}`. Files up to 20 MB, `image` (JPG, PNG) up to 20 MB.
   */
  upload(type: 'file' | 'image', name: string, content: Uint8Array<ArrayBuffer>): Promise<{ media_id: string }>;
}

export interface DingtalkApiOptions {
  apiBase: string;
  oapiBase: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  /** Milliseconds since the epoch; tests move it to expire the token. */
  now?: () => number;
}

// 401 InvalidAuthentication on the new host; 40014 (不合法的access_token) and 42001 (过期) on oapi.
const TOKEN_CODES = new Set(['InvalidAuthentication', '40014', '42001']);

export function createDingtalkApi({ apiBase, oapiBase, clientId, clientSecret, timeoutMs = 10_000, now = Date.now }: DingtalkApiOptions): DingtalkApi {
  async function send(
    label: string,
    url: URL,
    method: 'POST' | 'PUT',
    headers: Record<string, string>,
    body: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    let answer: ApiAnswer;
    try {
      // A FormData body sets its own multipart content type and boundary.
      const form = body instanceof FormData;
      answer = await requestPlatformApi(url, {
        method,
        headers: { ...(form ? {} : { 'content-type': 'application/json' }), accept: 'application/json', ...headers },
        body: form ? body : JSON.stringify(body),
        timeoutMs,
      });
    } catch (error) {
      const { kind, detail } = describeRequestFailure(error, timeoutMs);
      throw new DingtalkTransportError(label, kind, detail);
    }
    const { status, contentType, text } = answer;
    // An IP over 10,000 calls in 20 s gets an HTML page for 5 minutes, not an error code (服务端API调用频率限制).
    if (/^\s*</.test(text) || contentType.includes('text/html')) {
      throw new DingtalkTransportError(label, 'html', `status ${status}, gateway answered with an HTML page`, status);
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new DingtalkTransportError(label, status >= 200 && status < 300 ? 'not_json' : 'http', `status ${status}`, status);
    }
    return { status, json };
  }

  const tokens = createTokenCache(async () => {
    const path = '/v1.0/oauth2/accessToken';
    const { status, json } = await send(path, new URL(`${apiBase}${path}`), 'POST', {}, { appKey: clientId, appSecret: clientSecret });
    if (status >= 300 || typeof json.accessToken !== 'string') {
      throw new DingtalkApiError(path, String(json.code ?? status), String(json.message ?? 'no accessToken'), status);
    }
    return { token: json.accessToken, expiresInSeconds: typeof json.expireIn === 'number' ? json.expireIn : 7200 };
  }, now);

  async function call<T extends object>(method: 'POST' | 'PUT', path: string, body: unknown, retried = false): Promise<T> {
    const used = await tokens.get();
    const { status, json } = await send(path, new URL(`${apiBase}${path}`), method, { 'x-acs-dingtalk-access-token': used }, body);
    // Some gateways answer 200 with the older {errcode, errmsg} shape (90002 system busy).
    const errcode = status < 300 && typeof json.errcode === 'number' && json.errcode !== 0 ? String(json.errcode) : undefined;
    if (status < 300 && !errcode) return json as T;
    const code = errcode ?? String(json.code ?? status);
    if (TOKEN_CODES.has(code) && !retried) {
      tokens.forget(used);
      return call(method, path, body, true);
    }
    if (status >= 500 && json.code === undefined) throw new DingtalkTransportError(path, 'http', `status ${status}`, status);
    throw new DingtalkApiError(path, code, String(json.message ?? json.errmsg ?? ''), status);
  }

  async function oapi<T extends object>(path: string, body: unknown, query: Record<string, string> = {}, retried = false): Promise<T> {
    const used = await tokens.get();
    const url = new URL(`${oapiBase}${path}`);
    for (const [key, value] of Object.entries({ ...query, access_token: used })) url.searchParams.set(key, value);
    const { status, json } = await send(path, url, 'POST', {}, body);
    const errcode = Number(json.errcode ?? (status < 300 ? 0 : status));
    if (errcode === 0) return json as T;
    if (TOKEN_CODES.has(String(errcode)) && !retried) {
      tokens.forget(used);
      return oapi(path, body, query, true);
    }
    throw new DingtalkApiError(path, String(errcode), String(json.errmsg ?? ''), status);
  }

  async function upload(type: 'file' | 'image', name: string, content: Uint8Array<ArrayBuffer>): Promise<{ media_id: string }> {
    const form = new FormData();
    form.append('media', new Blob([content], { type: type === 'image' ? 'image/png' : 'application/octet-stream' }), name);
    const answer = await oapi<{ media_id?: string }>('/media/upload', form, { type });
    if (typeof answer.media_id !== 'string') throw new DingtalkApiError('/media/upload', 'no_media_id', 'answer has no media_id', 200);
    return { media_id: answer.media_id };
  }

  return { call: (method, path, body) => call(method, path, body), oapi: (path, body) => oapi(path, body), upload };
}
