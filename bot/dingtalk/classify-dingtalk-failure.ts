// Decides whether a failed DingTalk call is worth retrying (服务端错误码; 服务端API调用频率限制;
// 调用量超额提示). Temporary: no usable answer (network, timeout, HTTP 5xx, the gateway's HTML page
// for a throttled IP), 90002 / -1 system busy or throttled, the per-second limits (90018, 90019,
// `Forbidden.AccessDenied.QpsLimit…`, `Throttling…`) and a token that cannot be fetched (an
// operator fixes it without touching the messages). The organisation's monthly quota (90020,
// `Forbidden.AccessDenied.ApiCountLimitForOrg`) is permanent until next month or an upgrade: the
// error says so in words the admins receive. Everything else — an unknown user, a bad template —
// is permanent: retrying a refusal only repeats it. A request written without an answer (a timeout,
// a reset, a 2xx that is not JSON) has an unknown outcome: DingTalk may have shown it, and it drops
// no duplicate (docs/architecture.md "Faults and recovery").
import type { DeliveryResult } from '../transport/messenger.js';
import { DingtalkApiError, DingtalkTransportError } from './dingtalk-api-error.js';

type Failure = Extract<DeliveryResult, { ok: false }>;

/** The start of the error text for an exhausted monthly quota, so reports and logs can tell it apart. */
export const QUOTA_EXCEEDED = 'DingTalk monthly API quota exceeded';

const TEMPORARY_CODES = new Set(['-1', '90002', '90018', '90019', '429', 'ServiceUnavailable', 'SystemError', 'InternalError']);
const QUOTA_CODES = new Set(['90020', 'Forbidden.AccessDenied.ApiCountLimitForOrg']);
// Per-second limits clear within seconds; the IP ban behind the HTML page lasts 5 minutes.
const THROTTLED_WAIT_MS = 10_000;
const HTML_BAN_WAIT_MS = 5 * 60_000;

export function classifyDingtalkFailure(error: unknown): Failure {
  if (error instanceof DingtalkTransportError) {
    if (error.kind === 'html') return { ok: false, retry: true, error: error.message, retryAfterMs: HTML_BAN_WAIT_MS };
    if (error.kind === 'http') return { ok: false, retry: (error.status ?? 500) >= 500 || error.status === 429, error: error.message };
    return { ok: false, retry: true, error: error.message, ...(error.kind === 'refused' ? {} : { unknown: true }) };
  }
  if (error instanceof DingtalkApiError) {
    if (QUOTA_CODES.has(error.code)) {
      return {
        ok: false,
        retry: false,
        error: `${QUOTA_EXCEEDED} (${error.code})：钉钉本月接口调用量已超出额度，请在钉钉开发者后台“资源管理”查看用量或升级版本`,
      };
    }
    if (isThrottled(error.code)) return { ok: false, retry: true, error: error.message, retryAfterMs: THROTTLED_WAIT_MS };
    if (TEMPORARY_CODES.has(error.code) || (error.status ?? 0) >= 500 || error.path === '/v1.0/oauth2/accessToken') {
      return { ok: false, retry: true, error: error.message };
    }
    return { ok: false, retry: false, error: error.message };
  }
  throw error;
}

function isThrottled(code: string): boolean {
  return code === '90002' || code === '90018' || code === '90019' || code.startsWith('Forbidden.AccessDenied.QpsLimit') || code.startsWith('Throttling');
}
