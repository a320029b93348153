// The 看板 in a real browser (Debian's chromium driven by playwright-core), against the real bot
// process (bot/main.ts, demo roster, local chat): sign in through the one-time link the chat's 看板
// sends, open 总览 and 台账 at phone (390×844) and desktop (1280×800) size, filter the ledger twice,
// and check what a person sees — text, row counts, no sideways scrolling on a phone, no console
// errors; an enterprise contact is refused (403) a project that is not theirs. Screenshots are kept
// under test-results/screenshots/ (one per page also in docs/screenshots/ for the README).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../bot/start-bot-process.js';
import { connectLocalChat, type LocalChatClient } from './local-chat-client.js';

const CHROMIUM = '/usr/bin/chromium';
// .ci/run installs chromium and sets REQUIRE_BROWSER=1: there a missing browser fails instead of skipping.
const available = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER === '1';
const SHOTS = 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let bot: BotProcess;
let chat: LocalChatClient;
let browser: Browser;
let bindCode = '';

describe.skipIf(!available)('看板 in a browser', () => {
  beforeAll(async () => {
    bot = await startBotProcess({}, [], 150_000);
    chat = await connectLocalChat(bot.url);
    const projects = [
      '名称：光伏组件项目 投资：3.5亿 行业：新能源 责任单位：市发展和改革委员会 企业：某某新能源公司 联系人：张三 包抓领导：县领导甲 签约日期：2026-12-02',
      '名称：食品加工项目 投资：8000万 行业：食品 责任单位：市工业和信息化局 包抓领导：县领导乙 签约日期：2026-11-10',
      '名称：文旅综合体项目 投资：12亿 行业：文旅 责任单位：市旅游和文化体育广电局 签约日期：2026-10-08',
      '名称：储能电站项目 投资：5亿 行业：新能源 责任单位：市发展和改革委员会 签约日期：2026-12-03',
    ];
    for (const project of projects) {
      await chat.say('office', `登记项目 ${project}`);
      const reply = await chat.reply('office', /已登记 P\d+/);
      bindCode ||= /绑定 (\d+)/.exec(reply)?.[1] ?? '';
    }
    await chat.say('ent.zhang', `绑定 ${bindCode}`);
    await chat.reply('ent.zhang', /P1/);
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The flags of the toolchain notes: without the background-networking ones Chromium floods a closed network.
      // launch() gives each run a fresh temporary profile (user-data dir) of its own and removes it on close.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    chat?.close();
    await bot?.stop();
  });

  /** A fresh browser context signed in through the link the chat's 看板 answers `account` with. */
  async function signIn(account: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
    await chat.say(account, '看板');
    const link = /(http:\/\/\S+\/kanban\/login\?token=[\w-]+)/.exec(await chat.reply(account, /kanban\/login/))![1]!;
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(link);
    await page.waitForURL(/\/kanban$/);
    return { page, errors };
  }

  const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  const shoot = async (page: Page, name: string, readme?: string) => {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    if (readme) copyFileSync(`${SHOTS}/${name}.png`, `docs/screenshots/${readme}.png`);
  };

  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    it(`shows 总览 and a filtered 台账 to 重点项目办 at ${size} size`, async () => {
      const { page, errors } = await signIn('office', viewport);
      await expect(page.locator('h1').textContent()).resolves.toBe('总览');
      await expect(page.locator('.who').textContent()).resolves.toBe('重点项目办小赵');
      await expect(page.locator('a.card', { hasText: '项目总数' }).locator('.n').textContent()).resolves.toBe('4');
      await expect(page.locator('a.card', { hasText: '本月签约' }).locator('.n').textContent()).resolves.toBe('2');
      await page.locator('#overview-chart canvas').first().waitFor();
      expect(await page.locator('nav a').allTextContents()).toEqual(expect.arrayContaining(['总览', '台账']));
      if (size === 'phone') expect(await overflows(page)).toBe(false);
      await shoot(page, `overview-${size}`, size === 'phone' ? 'overview' : undefined);

      // 本月签约 leads to the ledger filtered to this month's signings.
      await page.locator('a.card', { hasText: '本月签约' }).click();
      await page.waitForURL(/\/kanban\/ledger\?signedFrom=/);
      await expect(page.locator('table.ledger tbody tr').count()).resolves.toBe(2);

      await page.goto(page.url().replace(/\/kanban\/ledger.*/, '/kanban/ledger'));
      await expect(page.locator('.result-count').textContent()).resolves.toBe('共 4 个项目');
      // Two filters: the industry, then a signing date.
      await page.selectOption('select[name="industry"]', '新能源');
      await page.click('button[type="submit"]');
      await page.waitForURL(/industry=/);
      await expect(page.locator('table.ledger tbody tr').count()).resolves.toBe(2);
      expect(await page.locator('table.ledger tbody').textContent()).toContain('光伏组件项目');
      await page.fill('input[name="signedFrom"]', '2026-12-03');
      await page.click('button[type="submit"]');
      await page.waitForURL(/signedFrom=2026-12-03/);
      await expect(page.locator('table.ledger tbody tr').count()).resolves.toBe(1);
      expect(await page.locator('table.ledger tbody').textContent()).toContain('储能电站项目');
      await expect(page.locator('a', { hasText: '下载台账' }).count()).resolves.toBe(1);
      if (size === 'phone') expect(await overflows(page)).toBe(false);
      await shoot(page, `ledger-${size}`, size === 'phone' ? 'ledger' : undefined);
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);

  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    it(`opens a project, the units, one unit, the problems and the ranking at ${size} size`, async () => {
      const { page, errors } = await signIn('office', viewport);
      expect(await page.locator('nav a').allTextContents()).toEqual(['总览', '台账', '单位', '问题', '排名']);
      const open = async (link: string, heading: RegExp, readme: string) => {
        await page.locator('nav a', { hasText: link }).click();
        await expect(page.locator('h1').textContent()).resolves.toMatch(heading);
        if (size === 'phone') expect(await overflows(page)).toBe(false);
        await shoot(page, `${readme}-${size}`, size === 'phone' ? readme : undefined);
      };
      // 项目: from the ledger's first row.
      await page.locator('nav a', { hasText: '台账' }).click();
      await page.locator('table.ledger tbody a', { hasText: 'P1' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('P1 光伏组件项目');
      expect(await page.locator('main').textContent()).toContain('市发展和改革委员会');
      if (size === 'phone') expect(await overflows(page)).toBe(false);
      await shoot(page, `project-${size}`, size === 'phone' ? 'project' : undefined);

      await open('单位', /^单位$/, 'units');
      await page.locator('main a', { hasText: '市发展和改革委员会' }).first().click();
      await expect(page.locator('h1').textContent()).resolves.toBe('市发展和改革委员会');
      await page.locator('main canvas').first().waitFor();
      if (size === 'phone') expect(await overflows(page)).toBe(false);
      await shoot(page, `unit-${size}`, size === 'phone' ? 'unit' : undefined);

      await open('问题', /^问题 \d{4}-W\d{2}$/, 'problems');
      await open('排名', /^\d{4}-\d{2} 单位排名$/, 'ranking');
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);

  it('gives an enterprise contact its own project only, and 403 on another', async () => {
    const { page, errors } = await signIn('ent.zhang', PHONE);
    await expect(page.locator('h1').textContent()).resolves.toBe('我的项目');
    await expect(page.locator('table.ledger tbody tr').count()).resolves.toBe(1);
    expect(await page.locator('table.ledger tbody').textContent()).toContain('光伏组件项目');
    await expect(page.locator('nav').count()).resolves.toBe(0);
    expect(await overflows(page)).toBe(false);
    await shoot(page, 'enterprise-phone');
    const project = await page.goto(page.url().replace(/\/kanban$/, '/kanban/projects/P2'));
    expect(project!.status()).toBe(403);
    await page.goBack();
    const refused = await page.goto(page.url().replace(/\/kanban$/, '/kanban/ledger?project=P2'));
    expect(refused!.status()).toBe(403);
    expect(await page.locator('main').textContent()).toContain('P2 与你无关');
    await shoot(page, 'enterprise-403-phone');
    expect(errors.filter((error) => !error.includes('403'))).toEqual([]);
    await page.context().close();
  }, 120_000);
});
