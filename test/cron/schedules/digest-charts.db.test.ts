// The Wednesday digest carries a chart (issue 19 item 4): right after its text, each reader gets the
// picture of the open problems per 责任单位, drawn once for the run; when the chart cannot be drawn the
// text still goes and the failure is logged.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Logger } from '../../../core/logger.js';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { findPerson } from '../../support/find-person.js';
import { decodePng } from '../../core/charts/compare-png.js';

const drawing = vi.hoisted(() => ({ fails: false, calls: 0 }));
vi.mock('../../../core/charts/render-chart-png.js', async (load) => {
  const actual = await load<typeof import('../../../core/charts/render-chart-png.js')>();
  return {
    ...actual,
    renderChartPng: async (...args: Parameters<typeof actual.renderChartPng>) => {
      drawing.calls += 1;
      if (drawing.fails) throw new Error('GlobalFonts: no font registered');
      return actual.renderChartPng(...args);
    },
  };
});

let h: Harness;
const errors: unknown[][] = [];
const logger = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => errors.push(args) } as unknown as Logger;

beforeEach(async () => {
  h = await createHarness({ now: '2026-12-08T09:00:00+08:00' });
  drawing.fails = false;
  drawing.calls = 0;
  errors.length = 0;
  // A new installation marks what is open at its first pass; Wednesday comes after.
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy, logger });
  const unit = await h.prisma.unit.findFirstOrThrow({ where: { key: '自然资源局' } });
  const leader = await findPerson(h.prisma, 'leader.a');
  const reporter = await findPerson(h.prisma, 'zrzy.agent');
  const project = await h.prisma.project.create({
    data: {
      name: '光伏组件项目',
      investmentWan: 10000,
      service: 'approving',
      leadUnitId: unit.id,
      leaderId: leader.id,
      signedOn: new Date('2026-11-02T00:00:00Z'),
    },
  });
  await h.prisma.problem.create({
    data: {
      projectId: project.id,
      reporterId: reporter.id,
      description: '用地指标不足',
      category: '用地',
      leaderId: leader.id,
      unitId: unit.id,
      createdAt: new Date('2026-12-08T02:00:00Z'),
    },
  });
  h.clock.set('2026-12-09T09:00:00+08:00');
});
afterEach(async () => {
  await h.close();
});

it('sends each reader the chart right after the digest, drawn once', { timeout: 120_000 }, async () => {
  expect(await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy, logger })).toContain('weekly-wed:2026-W50');
  await h.app.deliver();
  for (const reader of ['office', 'leader.a']) {
    const kinds = h.messenger.to(reader).map((item) => item.message.kind);
    const digest = kinds.indexOf('markdown');
    expect(kinds[digest + 1]).toBe('image');
  }
  const [image] = h.messenger.to('office').flatMap((item) => (item.message.kind === 'image' ? [item.message] : []));
  expect(image!.name).toBe('本周问题 2026-W50.png');
  const png = await decodePng(Buffer.from(image!.content, 'base64'));
  expect(png.width).toBe(800);
  expect(drawing.calls).toBe(1);
  expect(errors).toEqual([]);
});

it('sends the digest without its chart when the chart cannot be drawn, and logs why', { timeout: 120_000 }, async () => {
  drawing.fails = true;
  expect(await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy, logger })).toContain('weekly-wed:2026-W50');
  await h.app.deliver();
  expect(h.messenger.to('office').map((item) => item.message.kind)).toContain('markdown');
  expect(h.messenger.received.some((item) => item.message.kind === 'image')).toBe(false);
  expect(errors).toHaveLength(1);
  expect(errors[0]![0]).toMatchObject({ chart: '本周问题 2026-W50.png', error: 'GlobalFonts: no font registered' });
});
