// 同步通讯录 through the bot: only an admin may ask; the directory of the platform the admin writes
// from is read after the command's transaction (a job), and the admin receives a summary naming who
// was linked and who is missing.
import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '../../bot/transport/transport.js';
import { createHarness, type Harness } from '../support/harness.js';
import { findPerson } from '../support/find-person.js';

// The demo roster's 自然资源局代办员 has mobile 13800000111; WeCom knows her as zhou.zhaolong.
const directory: DirectoryPerson[] = [
  { account: 'admin', name: '王小明', departments: ['县政府'] },
  { account: 'window', name: '专窗小李', departments: ['县政府'] },
  { account: 'zhou.zhaolong', name: '周兆龙', mobile: '13800000111', departments: ['县政府'] },
];

describe('同步通讯录', () => {
  let bot: Harness;
  afterEach(async () => {
    await bot.close();
  });

  it('links people found by mobile and tells the admin the result', async () => {
    let reads = 0;
    bot = await createHarness({
      platform: 'wecom',
      jobs: {
        directory: {
          async wecom() {
            reads += 1;
            return directory;
          },
        },
      },
    });
    const received = await bot.say('admin', '同步通讯录');
    expect(reads).toBe(1);
    expect(received.map((item) => item.recipient)).toEqual(['admin', 'admin']);
    const [summary, reply] = received.map((item) => item.text);
    expect(reply).toBe('正在同步企业微信通讯录，完成后把结果发给你。');
    expect(summary).toMatch(/^通讯录同步完成：企业微信 3 人；名册中 2 人已对应。/);
    expect(summary).toContain('自然资源局代办员 按手机号对应到企业微信账号 zhou.zhaolong（原 zrzy.agent）');
    const linked = await findPerson(bot.prisma, 'zhou.zhaolong', 'wecom');
    expect(linked.name).toBe('自然资源局代办员');
    expect(await bot.prisma.event.count({ where: { kind: 'directory.synced' } })).toBe(1);
    // The job ran once: a second pass finds nothing to do.
    expect(await bot.app.runJobs()).toBe(0);
  });

  it('is refused to anyone but an admin, and explained where the platform has no directory', async () => {
    bot = await createHarness();
    const [refused] = await bot.say('window', '同步通讯录');
    expect(refused!.text).toBe('「同步通讯录」只有管理员可以使用。发送「帮助」查看你能用的命令。');
    const [explained] = await bot.say('admin', '同步通讯录');
    expect(explained!.text).toBe('本地聊天没有可同步的通讯录：请在企业微信或钉钉中发送「同步通讯录」。');
  });
});
