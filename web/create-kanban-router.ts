// The 看板 (issue 19): server-rendered pages under /kanban, mounted by bot/main.ts beside the
// transports' routers. Every response carries the security headers; every page needs a session
// (else a page saying to send 看板 in the chat), re-reads the person from the roster, and is scoped
// by the one access rule — a refusal is a 403 with a Chinese sentence (docs/architecture.md "看板").
import Router from '@koa/router';
import type { Context } from 'koa';
import type { PageViewer, Page } from './page.js';
import { isEnterpriseOnly } from '../domain/access/project-access.js';
import { canReadLedger } from '../use-cases/ledger-readers.js';
import { buildLedgerFile } from '../use-cases/build-ledger-file.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import type { KanbanDeps } from './kanban-deps.js';
import { addLoginRoutes } from './login/login-routes.js';
import { mainPages } from './pages/main-pages.js';
import { morePages } from './pages/more-pages.js';
import { renderLayout, type NavLink } from './render-layout.js';
import { NO_SESSION, renderNotice } from './render-notice.js';
import { securityHeaders } from './security-headers.js';
import { createStaticFiles } from './serve-static.js';
import { readViewer } from './session/read-viewer.js';
import { SESSION_COOKIE } from './session/session-cookie.js';
import { verifySession } from './session/sign-session.js';

const fullPath = (path: string) => `/kanban${path.replace(/^\/kanban/, '').replace(/\/$/, '')}`;

export function createKanbanRouter(deps: KanbanDeps): Router {
  const router = new Router();
  const pages = [...mainPages, ...morePages];
  const nav: NavLink[] = pages.filter((entry) => !entry.path.includes(':')).map((entry) => ({ href: fullPath(entry.path), title: entry.title }));
  const staticFiles = createStaticFiles();
  router.use(securityHeaders);

  router.get('/kanban/static/:name', async (ctx) => {
    const file = await staticFiles(ctx.params.name!);
    if (!file) return notFound(ctx);
    ctx.type = file.type;
    ctx.vary('Accept-Encoding');
    const gzip = ctx.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzip) ctx.set('Content-Encoding', 'gzip');
    ctx.body = gzip ? file.gzipped : file.body;
  });

  addLoginRoutes(router, deps);

  /** The signed-in person, or null after answering the request with the no-session page. */
  const authenticate = async (ctx: Context): Promise<PageViewer | null> => {
    const personId = verifySession(await deps.sessionKey(), ctx.cookies.get(SESSION_COOKIE), deps.clock.now());
    const viewer = personId === null ? null : await readViewer(deps.prisma, personId);
    if (!viewer) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = renderNotice('请先登录', NO_SESSION);
    }
    return viewer;
  };

  for (const entry of pages) router.get(fullPath(entry.path), (ctx) => showPage(ctx, entry.page));

  async function showPage(ctx: Context, page: Page): Promise<void> {
    const viewer = await authenticate(ctx);
    if (!viewer) return;
    const now = deps.clock.now();
    const query = new URLSearchParams(ctx.querystring);
    const result = await page({
      db: deps.prisma,
      viewer,
      now,
      policy: deps.policy,
      platforms: deps.platforms,
      params: { ...ctx.params } as Record<string, string>,
      query,
    });
    ctx.type = 'html';
    if (!result.ok) {
      ctx.status = result.status;
      ctx.body = renderNotice(result.status === 403 ? '无权查看' : '没有找到', result.message);
      return;
    }
    const simple = isEnterpriseOnly(viewer);
    ctx.body = renderLayout({
      title: result.title,
      body: result.body,
      nav: simple ? [] : nav,
      current: ctx.path,
      who: viewer.name,
      scripts: result.scripts ?? [],
    });
  }

  // The workbook `台账` sends, for the same readers (use-cases/build-ledger-file.ts).
  router.get('/kanban/ledger.xlsx', async (ctx) => {
    const viewer = await authenticate(ctx);
    if (!viewer) return;
    if (!canReadLedger(viewer)) {
      ctx.status = 403;
      ctx.type = 'html';
      ctx.body = renderNotice('无权查看', '整本台账只给重点项目办、督查中心和县领导下载。请在「台账」页查看与你有关的项目。');
      return;
    }
    const { file } = await buildLedgerFile(deps.prisma, { now: deps.clock.now(), policy: deps.policy, calendar: await loadWorkingCalendar(deps.prisma) });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.attachment(file.name);
    ctx.body = file.content;
  });

  router.all('/kanban/{*rest}', notFound);
  return router;
}

function notFound(ctx: Context): void {
  ctx.status = 404;
  ctx.type = 'html';
  ctx.body = renderNotice('没有找到', '没有这个页面。请从看板首页进入。');
}
