// 项目: one project's page with its items, deadlines, problems and timeline, for whoever may ask 进度 on it.
import { renderLayout } from '../../../web/render-layout.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/harness.js';
import { preparePlannedProject } from '../../handlers/story-steps.js';
import { showProject } from '../../../web/pages/show-project.js';
import { openPage, visibleText } from './open-page.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 施工许可');
  await h.say('sthj.agent', '报到 T1');
  // The first harness of a file opens PGlite; on a loaded 2-core machine that alone can pass the default 30 s.
}, 120_000);
afterEach(async () => {
  await h.close();
});

describe('项目 page', () => {
  it('shows fields, the start deadline with （暂定）, each item with unit, agent, deadline and light, and the archive', async () => {
    h.clock.advanceMinutes(45);
    await h.say('sthj.agent', '问题 P1 用地指标未落实 建议：协调自然资源局');
    const text = visibleText(await openPage(h, showProject, 'window', { code: 'P1' }));
    expect(text).toContain('P1 光伏组件项目 🔴 服务：审批中');
    expect(text).toContain('企业联系人 张三 13900001111');
    expect(text).toContain('开工期限 2027-03-15（暂定）');
    expect(text).toMatch(/🟢 T1 环境影响评价审批 市生态环境局 生态环境局代办员 2026-12-14 前办结 办理中/);
    expect(text).toMatch(/🔴 T2 建筑工程施工许可证 市住房和城乡建设局 待报到 11-23 10:30 前报到 待报到/);
    expect(text).toContain('Q1 用地指标未落实（建议：协调自然资源局） · 待答复');
    expect(text).toMatch(/一事一档（\d+ 条）/);
    expect(text).toContain('专窗小李');
  });

  it('masks the contact mobile for 重点项目办 as 进度 does', async () => {
    expect(visibleText(await openPage(h, showProject, 'office', { code: 'P1' }))).toContain('张三 139****1111');
  });

  it('refuses a unit agent whose unit does not serve the project with 403, and an unknown project with 404', async () => {
    const refused = await openPage(h, showProject, 'nyj.agent', { code: 'P1' });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(await openPage(h, showProject, 'sthj.agent', { code: 'P1' })).toMatchObject({ ok: true });
    expect(await openPage(h, showProject, 'window', { code: 'P99' })).toMatchObject({ ok: false, status: 404 });
  });

  it('prints a project name that holds markup as text', async () => {
    await h.prisma.project.update({ where: { id: 1 }, data: { name: '<script>alert(1)</script>光伏' } });
    const result = await openPage(h, showProject, 'window', { code: 'P1' });
    expect(result.ok && result.title).toBe('P1 <script>alert(1)</script>光伏');
    expect(result.ok && result.body.value).not.toContain('<script>alert');
    // The layout prints the title as the page's heading, escaped.
    const page = result.ok ? renderLayout({ title: result.title, body: result.body }) : '';
    expect(page).toContain('<h1>P1 &lt;script&gt;alert(1)&lt;/script&gt;光伏</h1>');
    expect(page).not.toContain('<script>alert');
  });

  it('shows the enterprise contact its own project without contact details or the problems list', async () => {
    await h.say('sthj.agent', '问题 P1 用地指标未落实');
    const text = visibleText(await openPage(h, showProject, 'ent.zhang', { code: 'P1' }));
    expect(text).toContain('T1 环境影响评价审批');
    expect(text).not.toContain('13900001111');
    expect(text).not.toContain('用地指标未落实');
  });
});
