// Signing in to the 看板 without a password (docs/architecture.md "看板"):
// - a one-time link from the chat's `看板` (local chat, or a platform without web login): GET shows a
//   page whose static script posts the token back, so a link preview fetching the URL cannot use it up;
// - WeCom 网页授权: /kanban/auth/wecom/start binds a random `state` to a pre-login cookie and sends the
//   person to WeCom, which comes back to /kanban/auth/wecom with a code and the same state;
// - DingTalk 免登: /kanban/auth/dingtalk serves a page that asks dingtalk-jsapi for a code and posts it.
// Every attempt counts against the caller's IP (limit-login-attempts.ts); a refusal is a short Chinese page.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { claimLoginToken } from '../../prisma/web-login-tokens.js';
import { html } from '../html.js';
import { renderLayout } from '../render-layout.js';
import { renderNotice } from '../render-notice.js';
import { readViewer } from '../session/read-viewer.js';
import { setCookie, setSessionCookie, STATE_COOKIE, STATE_MS } from '../session/session-cookie.js';
import { signSession } from '../session/sign-session.js';
import type { KanbanDeps } from '../kanban-deps.js';
import { createLoginLimiter } from './limit-login-attempts.js';

const EXPIRED = '链接已失效或已用过。请在对话中重新发送「看板」获取新链接。';
const UNKNOWN = '没有在名册中找到你。请联系管理员把你加入名册后，再在对话中发送「看板」。';
const TOO_MANY = '登录尝试过于频繁，请 10 分钟后再试。';

export function addLoginRoutes(router: Router, deps: KanbanDeps): void {
  const allow = createLoginLimiter();
  const secure = () => deps.publicUrl().startsWith('https://');
  const refuse = (ctx: Context, status: number, message: string) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = renderNotice('无法进入看板', message);
  };
  const limited = (ctx: Context) => {
    if (allow(ctx.ip, deps.clock.now().getTime())) return false;
    deps.logger.warn({ path: ctx.path, ip: ctx.ip }, 'kanban login refused: too many attempts');
    refuse(ctx, 429, TOO_MANY);
    return true;
  };
  const signIn = async (ctx: Context, personId: number | null): Promise<boolean> => {
    const viewer = personId === null ? null : await readViewer(deps.prisma, personId);
    if (!viewer) return false;
    setSessionCookie(ctx, signSession(await deps.sessionKey(), viewer.id, deps.clock.now()), secure());
    deps.logger.info({ personId: viewer.id }, 'kanban login');
    return true;
  };
  const personOf = async (platform: string, account: string | null) => {
    if (account === null) return null;
    const found = await deps.prisma.account.findUnique({ where: { platform_account: { platform, account } }, select: { personId: true } });
    return found?.personId ?? null;
  };
  const newState = (ctx: Context) => {
    const state = randomBytes(24).toString('hex');
    setCookie(ctx, STATE_COOKIE, state, { secure: secure(), maxAgeMs: STATE_MS, path: '/kanban/auth' });
    return state;
  };
  /** The state the platform brought back must be the one this browser's pre-login cookie holds; used once. */
  const takeState = (ctx: Context, given: unknown) => {
    const held = ctx.cookies.get(STATE_COOKIE) ?? '';
    setCookie(ctx, STATE_COOKIE, '', { secure: secure(), maxAgeMs: 0, path: '/kanban/auth' });
    return typeof given === 'string' && held.length > 0 && given.length === held.length && timingSafeEqual(Buffer.from(given), Buffer.from(held));
  };

  router.get('/kanban/login', (ctx) => {
    const token = String(ctx.query.token ?? '');
    ctx.type = 'html';
    ctx.body = renderLayout({
      title: '进入看板',
      body: html`<form id="login-form" method="post" action="/kanban/login">
        <input type="hidden" name="token" value="${token}" /><button type="submit">进入看板</button>
      </form>`,
      scripts: ['submit-login.js'],
    });
  });

  router.post('/kanban/login', async (ctx) => {
    if (limited(ctx)) return;
    const token = new URLSearchParams(await readForm(ctx)).get('token') ?? '';
    const personId = /^[A-Za-z0-9_-]{43}$/.test(token) ? await claimLoginToken(deps.prisma, token, deps.clock.now()) : null;
    if (!(await signIn(ctx, personId))) return refuse(ctx, 403, EXPIRED);
    ctx.redirect('/kanban');
  });

  const wecom = deps.logins.find((login) => login.platform === 'wecom');
  if (wecom) {
    router.get('/kanban/auth/wecom/start', (ctx) => {
      if (limited(ctx)) return;
      ctx.redirect(wecom.authorizeUrl(`${deps.publicUrl()}/kanban/auth/wecom`, newState(ctx)));
    });
    router.get('/kanban/auth/wecom', async (ctx) => {
      if (limited(ctx)) return;
      if (!takeState(ctx, ctx.query.state)) return refuse(ctx, 403, EXPIRED);
      const code = String(ctx.query.code ?? '');
      const userid = /^[\w-]{1,512}$/.test(code) ? await wecom.exchange(code) : null;
      if (!(await signIn(ctx, await personOf('wecom', userid)))) return refuse(ctx, 403, UNKNOWN);
      ctx.redirect('/kanban');
    });
  }

  const dingtalk = deps.logins.find((login) => login.platform === 'dingtalk');
  if (dingtalk) {
    router.get('/kanban/auth/dingtalk', (ctx) => {
      if (limited(ctx)) return;
      ctx.type = 'html';
      ctx.body = renderLayout({
        title: '进入看板',
        body: html`<p class="notice" id="dingtalk-login" data-corp-id="${dingtalk.corpId}" data-state="${newState(ctx)}">正在通过钉钉登录……</p>`,
        scripts: ['dingtalk-jsapi.js', 'dingtalk-login.js'],
      });
    });
    router.post('/kanban/auth/dingtalk', async (ctx) => {
      if (limited(ctx)) return;
      const body = new URLSearchParams(await readForm(ctx));
      if (!takeState(ctx, body.get('state'))) return refuse(ctx, 403, EXPIRED);
      const code = body.get('code') ?? '';
      const userid = /^[\w-]{1,512}$/.test(code) ? await dingtalk.exchange(code) : null;
      if (!(await signIn(ctx, await personOf('dingtalk', userid)))) return refuse(ctx, 403, UNKNOWN);
      ctx.status = 204;
    });
  }
}

/** A small urlencoded form body (a token, a code and a state). */
async function readForm(ctx: Context): Promise<string> {
  let text = '';
  for await (const chunk of ctx.req) {
    text += String(chunk);
    if (text.length > 4096) ctx.throw(413, 'login form too large');
  }
  return text;
}
