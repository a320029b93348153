// 同步通讯录 through the bot: only an admin may ask; the directory is read after the command's
// transaction, and the admin receives a summary naming who was linked and who is missing.
import { afterEach, describe, expect, it } from 'vitest';
import { syncDirectory } from '../../bot/wecom/sync-directory.js';
import type { WecomDirectory } from '../../bot/wecom/fetch-directory.js';
import { createHarness, type Harness } from '../support/harness.js';

// The demo roster's 自然资源局代办员 has mobile 13800000111; WeCom knows her as zhou.zhaolong.
const directory: WecomDirectory = {
  departments: [{ id: 1, name: '县政府', parentid: 0 }],
  people: [
    { userid: 'admin', name: '王小明', departments: [1] },
    { userid: 'window', name: '专窗小李', departments: [1] },
    { userid: 'zhou.zhaolong', name: '周兆龙', mobile: '13800000111', departments: [1] },
  ],
};

describe('同步通讯录', () => {
  let bot: Harness;
  afterEach(async () => {
    await bot.close();
  });

  it('links people found by mobile and tells the admin the result', async () => {
    let reads = 0;
    bot = await createHarness({
      directory: {
        async load() {
          reads += 1;
          return (tx) => syncDirectory(tx, directory);
        },
      },
    });
    const received = await bot.say('admin', '同步通讯录');
    expect(reads).toBe(1);
    // Both notices were due at once, so the sender bundles them into one message.
    expect(received.map((item) => item.recipient)).toEqual(['admin']);
    const [text] = bot.textsTo('admin');
    expect(text).toMatch(/^正在同步企业微信通讯录，完成后把结果发给你。\n\n通讯录同步完成/);
    expect(text).toContain('名册中 2 人已对应');
    expect(text).toContain('自然资源局代办员 按手机号对应到企业微信账号 zhou.zhaolong（原 zrzy.agent）');
    const linked = await bot.prisma.person.findUniqueOrThrow({ where: { userid: 'zhou.zhaolong' } });
    expect(linked.name).toBe('自然资源局代办员');
    expect(await bot.prisma.event.count({ where: { kind: 'directory.synced' } })).toBe(1);
  });

  it('is refused to anyone but an admin, and explained where no platform is connected', async () => {
    bot = await createHarness();
    const [refused] = await bot.say('window', '同步通讯录');
    expect(refused!.text).toBe('「同步通讯录」只有管理员可以使用。');
    const [explained] = await bot.say('admin', '同步通讯录');
    expect(explained!.text).toBe('未接入企业微信，没有可同步的通讯录。');
  });
});
