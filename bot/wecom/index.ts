// WeCom (企业微信) as a plug-in (bot/transport/platform-descriptor.ts): listed in bot/platforms.ts.
import type { PlatformDescriptor } from '../transport/platform-descriptor.js';
import { CALLBACK_PATH } from './create-wecom-router.js';
import { createWecomTransport } from './create-wecom-transport.js';
import { loadWecomConfig, type WecomConfig } from './load-wecom-config.js';

export const wecomPlatform: PlatformDescriptor<WecomConfig> = {
  name: 'wecom',
  displayName: '企业微信',
  // 成员 UserID: 1–64 letters, digits and . _ @ - (WeCom 通讯录管理 → 成员).
  accountPattern: /^[A-Za-z0-9._@-]{1,64}$/,
  rosterColumn: { header: '企业微信账号', problem: '企业微信账号应为字母、数字或 . _ @ -' },
  readsDirectory: true,
  loadConfig: loadWecomConfig,
  secrets: (config) => [config.secret, config.token, config.encodingAesKey],
  describe: (config) => `WeCom callbacks at ${CALLBACK_PATH}, API ${config.apiBase}`,
  createTransport: (config, deps) => createWecomTransport(config, deps),
};
