// 测试平台: a third chat platform plugged in from the test folder only, to prove that a platform is
// one folder plus one line (docs/architecture.md "Platforms and accounts"): a test calls
// `registerPlatform(fakePlatform)` and the roster, config, inbound check and replies all know it.
import type { PlatformDescriptor } from '../../../bot/transport/platform-descriptor.js';
import { createFakeTransport } from './create-fake-transport.js';

export interface FakePlatformConfig {
  /** A shared secret, to show the logger redacts what a descriptor lists. */
  secret: string;
}

export const fakePlatform: PlatformDescriptor<FakePlatformConfig> = {
  name: 'fake',
  displayName: '测试平台',
  accountPattern: /^fk[0-9a-z]{2,30}$/,
  rosterColumn: { header: '测试平台账号', problem: '测试平台账号应为 fk 开头的小写字母或数字' },
  loadConfig: (env) => {
    const secret = env['FAKE_CHAT_SECRET'];
    if (secret === undefined) return { status: 'absent' };
    return /^[a-z0-9]{8,}$/.test(secret)
      ? { status: 'configured', config: { secret } }
      : { status: 'invalid', problems: ['FAKE_CHAT_SECRET: expected 8 or more lowercase letters or digits'] };
  },
  secrets: (config) => [config.secret],
  describe: () => '测试平台 in memory',
  createTransport: (_config, deps) => createFakeTransport('fake', deps.clock),
};
