// The local chat cannot show a picture either: a digest's chart is saved as a PNG under DATA_DIR/files,
// like a file (save-local-file.ts), and the chat prints where.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalMessenger, type LocalDelivery } from '../../../bot/local/local-messenger.js';
import { renderChartPng } from '../../../core/charts/render-chart-png.js';
import { buildRankingChartOption } from '../../../domain/charts/build-ranking-chart-option.js';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { openTestDatabase } from '../../support/test-database.js';
import { decodePng } from '../../core/charts/compare-png.js';

let db: Database;
let dataDir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  await createPeople(db.prisma, [{ account: 'office', name: '重点项目办小赵', roles: ['project_office'], platform: 'local' }]);
  dataDir = await mkdtemp(join(tmpdir(), 'chart-files-'));
});
afterAll(async () => {
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('saves the chart as a PNG under DATA_DIR/files and tells the chat the path', { timeout: 60_000 }, async () => {
  const chart = buildRankingChartOption({ month: '2026-11', units: [{ name: '自然资源局', place: 1, service: 2, namedTwice: false }] });
  const png = await renderChartPng(chart.option, { width: chart.width, height: chart.height });
  const messenger = new LocalMessenger(db.prisma, join(dataDir, 'files'));
  const shown: LocalDelivery[] = [];
  messenger.deliveries.on('delivery', (delivery: LocalDelivery) => shown.push(delivery));

  const message = { kind: 'image' as const, name: chart.name, content: png.toString('base64') };
  expect(await messenger.deliver({ outboxId: 51n, to: { account: 'office' }, message, attempt: 1, reply: false })).toEqual({
    ok: true,
    platformMsgId: 'local-51',
  });

  expect(shown).toHaveLength(1);
  const path = shown[0]!.text.replace('图片已保存：', '');
  expect(path).toMatch(/files\/51-[0-9a-f]{16}\/2026-11 单位排名\.png$/);
  const saved = await decodePng(await readFile(path));
  expect({ width: saved.width, height: saved.height }).toEqual({ width: chart.width, height: chart.height });
});
