// The 看板's six pages at county scale (issue 19 "Speed": each page's server time p95 < 200 ms with
// 10,000 projects and 100,000 items): the real router (web/create-kanban-router.ts) on the bench's
// seeded database, over HTTP on 127.0.0.1 with a signed session cookie for 主要领导 — who reads every
// project, the heaviest viewer. Each page is requested WARM_UPS times unmeasured, then `rounds` times.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { platformNames } from '../bot/platforms.js';
import { createServer } from '../bot/server.js';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import type { Policy } from '../domain/policy.js';
import type { Db } from '../prisma/open-database.js';
import { createKanbanRouter } from '../web/create-kanban-router.js';
import { loadSessionKey } from '../web/session/load-session-key.js';
import { SESSION_COOKIE } from '../web/session/session-cookie.js';
import { signSession } from '../web/session/sign-session.js';
import { refreshRankingSoFar } from '../use-cases/refresh-ranking-so-far.js';

export const PAGE_TARGET_MS = 200;
const WARM_UPS = 2;
export const PAGE_ROUNDS = 20;
const BEAT_ROUNDS = 3;

export interface PageFigures {
  page: string;
  path: string;
  p50: number;
  p95: number;
  bytes: number;
  status: number;
  /** Not a page: the background beat that ranks the month so far (use-cases/refresh-ranking-so-far.ts), which no page waits for. */
  background?: boolean;
}

/** `onPage`: called with each page's figures as soon as they are measured (progress on a slow machine). */
export async function benchPages(prisma: Db, policy: Policy, rounds = PAGE_ROUNDS, onPage?: (figures: PageFigures) => void): Promise<PageFigures[]> {
  const logger = createLogger('warn');
  const sessionKey = loadSessionKey(prisma, undefined, () => systemClock.now());
  const router = createKanbanRouter({
    prisma,
    policy,
    clock: systemClock,
    logger,
    platforms: platformNames(),
    publicUrl: () => 'http://127.0.0.1',
    sessionKey,
    logins: [],
  });
  const server: Server = await new Promise((resolve) => {
    const started = createServer(prisma, logger, [router]).listen(0, '127.0.0.1', () => resolve(started));
  });
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const leader = await prisma.person.findFirstOrThrow({ where: { roles: { has: 'main_leader' } }, orderBy: { id: 'asc' } });
    const cookie = `${SESSION_COOKIE}=${signSession(await sessionKey(), leader.id, systemClock.now())}`;
    const project = await prisma.project.findFirstOrThrow({ where: { tasks: { some: {} } }, orderBy: { id: 'desc' }, select: { id: true } });
    const unit = await prisma.unit.findFirstOrThrow({ where: { tasks: { some: {} } }, orderBy: { id: 'asc' }, select: { id: true } });
    const pages: [string, string][] = [
      ['总览', '/kanban'],
      ['台账 (first page)', '/kanban/ledger'],
      ['台账 (two filters + sort)', `/kanban/ledger?stage=signed&unitId=${unit.id}&sort=investment&dir=desc`],
      ['项目', `/kanban/projects/P${project.id}`],
      ['单位 (list)', '/kanban/units'],
      ['单位 (one)', `/kanban/units/${unit.id}`],
      ['问题', '/kanban/problems'],
      ['排名', '/kanban/ranking'],
    ];
    // As on a running bot, the beat has ranked the month so far before anyone looks; each of its runs is timed
    // with no ranking kept, as it ranks every REFRESH_AFTER_MS.
    const beat: number[] = [];
    for (let round = 0; round < BEAT_ROUNDS; round += 1) {
      await prisma.$executeRaw`DELETE FROM "RunningRanking"`;
      const started = performance.now();
      await refreshRankingSoFar(prisma, systemClock.now(), policy);
      beat.push(performance.now() - started);
    }
    beat.sort((a, b) => a - b);
    const figures: PageFigures[] = [
      {
        page: 'the beat ranking the month so far',
        path: 'use-cases/refresh-ranking-so-far.ts',
        p50: beat[1]!,
        p95: beat[2]!,
        bytes: 0,
        status: 200,
        background: true,
      },
    ];
    onPage?.(figures[0]!);
    for (const [page, path] of pages) {
      const times: number[] = [];
      let bytes = 0;
      let status = 0;
      for (let round = 0; round < WARM_UPS + rounds; round += 1) {
        const started = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { cookie } });
        const body = await response.arrayBuffer();
        if (round >= WARM_UPS) times.push(performance.now() - started);
        bytes = body.byteLength;
        status = response.status;
      }
      times.sort((a, b) => a - b);
      const at = (share: number) => times[Math.min(times.length - 1, Math.ceil(share * times.length) - 1)]!;
      figures.push({ page, path, p50: at(0.5), p95: at(0.95), bytes, status });
      onPage?.(figures[figures.length - 1]!);
    }
    return figures;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
