// 总览 and 台账 over HTTP as a signed-in person sees them: the security headers on every answer, a
// project name printed as text (never markup), the ledger scoped by the one access rule, and the
// workbook `台账` sends offered to the readers of the whole ledger only.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Browser, startKanban, type Kanban } from './start-kanban.js';

let k: Kanban;

beforeAll(async () => {
  k = await startKanban();
  await k.h.say('office', '登记项目 名称：光伏组件项目 投资：3亿 行业：新能源 责任单位：市自然资源局 签约日期：2026-11-02');
  // The chat refuses markup in a name (domain/markdown/has-markup.ts); a page must not rely on that.
  await k.h.prisma.project.update({ where: { id: 1 }, data: { name: '<script>alert(1)</script>光伏' } });
  await k.h.say('office', '登记项目 名称：食品加工项目 投资：8000万 行业：食品 责任单位：市水务局 签约日期：2026-11-10');
}, 120_000);
afterAll(async () => {
  await k.close();
});

async function signedIn(account: string): Promise<Browser> {
  const [reply] = await k.h.say(account, '看板');
  const token = /token=([\w-]+)/.exec(reply!.text ?? '')![1]!;
  const browser = new Browser(k.base);
  expect((await browser.post('/kanban/login', { token })).status).toBe(302);
  return browser;
}

it('sends the security headers on pages, refusals and static files', async () => {
  const browser = await signedIn('office');
  for (const path of ['/kanban', '/kanban/ledger', '/kanban/nowhere', '/kanban/static/kanban.css']) {
    const response = await browser.request(path);
    expect(response.headers.get('content-security-policy'), path).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    );
    expect(response.headers.get('cache-control'), path).toBe('no-store');
    expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
  }
});

it('sends 总览 with its styles and scripts in under 1 MB, gzipped where the browser accepts it', async () => {
  const browser = await signedIn('office');
  const page = await browser.request('/kanban');
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/kanban\/static\/[^"]+)"/g)].map((match) => match[1]!);
  expect(assets).toEqual(expect.arrayContaining(['/kanban/static/kanban.css', '/kanban/static/echarts.min.js', '/kanban/static/overview-chart.js']));
  let bytes = Buffer.byteLength(html);
  for (const path of assets) {
    const response = await browser.request(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding'), path).toBe('gzip');
    bytes += Number(response.headers.get('content-length'));
    await response.arrayBuffer();
  }
  expect(bytes).toBeLessThan(1_000_000);
  // Without gzip, ECharts alone is more than that: the same file, as it is.
  const plain = await browser.request('/kanban/static/echarts.min.js', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect((await plain.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
});

it('prints a project name as text, and lists, sorts and filters the ledger', async () => {
  const browser = await signedIn('office');
  const page = await (await browser.request('/kanban/ledger?sort=investment&dir=desc')).text();
  expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;光伏');
  expect(page).not.toContain('<script>alert(1)');
  expect(page).toContain('共 2 个项目');
  expect(page.indexOf('光伏')).toBeLessThan(page.indexOf('食品加工项目'));
  const food = await (await browser.request('/kanban/ledger?industry=食品')).text();
  expect(food).toContain('共 1 个项目');
  expect(await (await browser.request('/kanban/ledger?q=食品&light=green')).text()).toContain('共 1 个项目');
});

it('offers the 台账 workbook to 重点项目办 and refuses it to an agent, whose ledger holds only its unit’s projects', async () => {
  const office = await signedIn('office');
  const download = await office.request('/kanban/ledger.xlsx');
  expect(download.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download.arrayBuffer()) as ExcelJS.Buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['项目']));

  const agent = await signedIn('swj.agent');
  expect((await agent.request('/kanban/ledger.xlsx')).status).toBe(403);
  const ledger = await (await agent.request('/kanban/ledger')).text();
  expect(ledger).toContain('共 1 个项目');
  expect(ledger).toContain('食品加工项目');
  expect(ledger).not.toContain('下载台账');
  const other = await agent.request('/kanban/ledger?project=P1');
  expect(other.status).toBe(403);
  expect(await other.text()).toContain('P1 与你无关');
});
