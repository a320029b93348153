// The bot's HTTP server with the 看板 router on a harness database, and a tiny cookie-keeping client:
// what a browser does (follow no redirects, send back the cookies it was given) without a browser.
import { signInPath } from '../../web/login/sign-in-path.js';
import { platformNames } from '../../bot/platforms.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger } from '../../core/logger.js';
import { createServer } from '../../bot/server.js';
import { createKanbanRouter } from '../../web/create-kanban-router.js';
import type { WebLogin } from '../../web/login/web-login.js';
import { loadSessionKey } from '../../web/session/load-session-key.js';
import { createHarness, type Harness } from '../support/harness.js';

export interface Kanban {
  h: Harness;
  base: string;
  close(): Promise<void>;
}

export async function startKanban(logins: WebLogin[] = [], publicUrl?: string): Promise<Kanban> {
  let base = '';
  const h = await createHarness({
    kanban: { baseUrl: () => publicUrl ?? base, signInPaths: new Map(logins.map((login) => [login.platform, signInPath(login)])) },
  });
  const logger = createLogger('silent');
  const router = createKanbanRouter({
    prisma: h.prisma,
    policy: h.policy,
    clock: h.clock,
    logger,
    publicUrl: () => publicUrl ?? base,
    sessionKey: loadSessionKey(h.prisma, undefined, () => h.clock.now()),
    logins,
    platforms: platformNames(),
  });
  const server = createServer(h.prisma, logger, [router]);
  const listener: Server = await new Promise((resolve) => {
    const started = server.listen(0, '127.0.0.1', () => resolve(started));
  });
  base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  return {
    h,
    base,
    async close() {
      await new Promise((resolve) => listener.close(resolve));
      await h.close();
    },
  };
}

/** A browser's cookie jar, reduced: name → value, dropped when the server sets Max-Age=0. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(path.startsWith('http') ? path : `${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie && { cookie }) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (/Max-Age=0\b/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}
