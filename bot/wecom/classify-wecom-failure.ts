// Decides whether a failed WeCom call is worth retrying (WeCom docs, 全局错误码). Temporary:
// no usable answer (no connection, network, timeout, HTTP 5xx), system busy (-1), rate limits (45009 per-minute
// API quota, 45033 concurrency), and set-up problems an operator fixes without touching the
// messages (token fetch failing, 60020 server IP not on the app's trusted list). Everything else —
// 40003 invalid userid, 81013 no valid recipient, unknown codes — is permanent: retrying a request
// WeCom refused would only repeat the refusal. A request written without an answer (a timeout, a
// reset, an answer that is not JSON) has an unknown outcome: WeCom may have shown it
// (docs/architecture.md "Faults and recovery"); an HTTP status or an errcode means it did not.
import type { DeliveryResult } from '../transport/messenger.js';
import { WecomApiError, WecomTransportError } from './wecom-api-error.js';

type Failure = Extract<DeliveryResult, { ok: false }>;

const TEMPORARY_CODES = new Set([-1, 45009, 45033, 40014, 42001, 42009, 60020]);
// 45009 counts calls per minute: retrying sooner than the next window is wasted.
const RATE_LIMIT_WAIT_MS = 60_000;

export function classifyWecomFailure(error: unknown): Failure {
  if (error instanceof WecomTransportError) {
    if (error.kind === 'http') return { ok: false, retry: (error.status ?? 500) >= 500 || error.status === 429, error: error.message };
    return { ok: false, retry: true, error: error.message, ...(error.kind === 'refused' ? {} : { unknown: true }) };
  }
  if (error instanceof WecomApiError) {
    if (error.errcode === 45009) return { ok: false, retry: true, error: error.message, retryAfterMs: RATE_LIMIT_WAIT_MS };
    if (TEMPORARY_CODES.has(error.errcode) || error.path === 'gettoken') return { ok: false, retry: true, error: error.message };
    return { ok: false, retry: false, error: error.message };
  }
  throw error;
}
