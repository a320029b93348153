// The session cookie and the pre-login `state` cookie, written by hand so `Secure` follows PUBLIC_URL
// (behind a TLS proxy the request itself arrives as plain HTTP, and Koa would refuse a Secure cookie).
// HttpOnly and SameSite=Lax: the WeCom redirect back is a top-level GET, which Lax lets through.
import type { Context } from 'koa';
import { SESSION_MS } from './sign-session.js';

export const SESSION_COOKIE = 'kanban_session';
export const STATE_COOKIE = 'kanban_state';
/** The pre-login state lives as long as the platform's code: 5 minutes (WeCom 网页授权, DingTalk 免登). */
export const STATE_MS = 5 * 60_000;

export function setCookie(ctx: Context, name: string, value: string, options: { secure: boolean; maxAgeMs: number; path?: string }): void {
  const parts = [`${name}=${value}`, `Path=${options.path ?? '/kanban'}`, `Max-Age=${Math.floor(options.maxAgeMs / 1000)}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  ctx.append('Set-Cookie', parts.join('; '));
}

export function setSessionCookie(ctx: Context, value: string, secure: boolean): void {
  setCookie(ctx, SESSION_COOKIE, value, { secure, maxAgeMs: SESSION_MS });
}

export function clearCookie(ctx: Context, name: string, secure: boolean): void {
  setCookie(ctx, name, '', { secure, maxAgeMs: 0 });
}
