// A small WeCom server-API client (WeCom docs, 获取access_token and 全局错误码). The access_token
// lives in the shared token cache (bot/transport/create-token-cache.ts); a call answered 40014, 42001
// or 42009 (token invalid or expired, e.g. after a refresh elsewhere) drops the token, fetches a new
// one and retries once.
import { WecomApiError, WecomTransportError } from './wecom-api-error.js';
import { createTokenCache } from '../transport/create-token-cache.js';
import { describeRequestFailure } from '../transport/describe-request-failure.js';
import { requestPlatformApi, type ApiAnswer } from '../transport/request-platform-api.js';

export interface WecomApi {
  get<T extends object>(path: string, query?: Record<string, string | number>): Promise<T>;
  post<T extends object>(path: string, body: unknown): Promise<T>;
  /**
   * media/upload (上传临时素材): multipart field `media`, whose filename is what people see; the
   * media_id lives 3 days. Files up to 20 MB; `image` (a JPG or PNG picture) up to 10 MB.
   */
  upload(type: 'file' | 'image', name: string, content: Uint8Array<ArrayBuffer>): Promise<{ media_id: string }>;
}

export interface WecomApiOptions {
  apiBase: string;
  corpId: string;
  secret: string;
  timeoutMs?: number;
  /** Milliseconds since the epoch; tests move it to expire the token. */
  now?: () => number;
}

const TOKEN_ERRORS = new Set([40014, 42001, 42009]);

export function createWecomApi({ apiBase, corpId, secret, timeoutMs = 10_000, now = Date.now }: WecomApiOptions): WecomApi {
  async function request<T>(path: string, query: Record<string, string | number>, body?: unknown): Promise<T & { errcode?: number; errmsg?: string }> {
    const url = new URL(`${apiBase}/cgi-bin/${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    let answer: ApiAnswer;
    try {
      // A FormData body sets its own multipart content type and boundary.
      const json = body !== undefined && !(body instanceof FormData);
      answer = await requestPlatformApi(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: json ? { 'content-type': 'application/json' } : {},
        body: json ? JSON.stringify(body) : (body as FormData | undefined),
        timeoutMs,
      });
    } catch (error) {
      const { kind, detail } = describeRequestFailure(error, timeoutMs);
      throw new WecomTransportError(path, kind, detail);
    }
    if (answer.status < 200 || answer.status >= 300) throw new WecomTransportError(path, 'http', `status ${answer.status}`, answer.status);
    try {
      return JSON.parse(answer.text) as T & { errcode?: number; errmsg?: string };
    } catch {
      throw new WecomTransportError(path, 'not_json', 'answer is not JSON');
    }
  }

  const tokens = createTokenCache(async () => {
    const answer = await request<{ access_token?: string; expires_in?: number }>('gettoken', { corpid: corpId, corpsecret: secret });
    if (answer.errcode || !answer.access_token) throw new WecomApiError('gettoken', answer.errcode ?? -1, answer.errmsg ?? 'no access_token');
    return { token: answer.access_token, expiresInSeconds: answer.expires_in ?? 7200 };
  }, now);

  async function call<T extends object>(path: string, query: Record<string, string | number>, body: unknown, retried = false): Promise<T> {
    const used = await tokens.get();
    const answer = await request<T>(path, { ...query, access_token: used }, body);
    const errcode = answer.errcode ?? 0;
    if (errcode === 0) return answer;
    if (TOKEN_ERRORS.has(errcode) && !retried) {
      tokens.forget(used);
      return call(path, query, body, true);
    }
    throw new WecomApiError(path, errcode, answer.errmsg ?? '');
  }

  return {
    get: (path, query = {}) => call(path, query, undefined),
    post: (path, body) => call(path, {}, body),
    upload: (type, name, content) => {
      const form = new FormData();
      form.append('media', new Blob([content], { type: type === 'image' ? 'image/png' : 'application/octet-stream' }), name);
      return call<{ media_id: string }>('media/upload', { type }, form);
    },
  };
}
