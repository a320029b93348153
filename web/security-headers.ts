// Headers on every 看板 response (issue 19 "Safe pages"): a CSP with no inline script or style and no
// framing, nothing cached by proxies or the WeCom/DingTalk webviews, no MIME sniffing, no referrer
// (a one-time link must not leak through one).
import type { Context, Next } from 'koa';

export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

export async function securityHeaders(ctx: Context, next: Next): Promise<void> {
  ctx.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  await next();
}
