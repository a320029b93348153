// DingTalk (钉钉) as a plug-in (bot/transport/platform-descriptor.ts): listed in bot/platforms.ts.
import type { PlatformDescriptor } from '../transport/platform-descriptor.js';
import { CALLBACK_PATH } from './create-dingtalk-router.js';
import { createDingtalkTransport } from './create-dingtalk-transport.js';
import { loadDingtalkConfig, type DingtalkConfig } from './load-dingtalk-config.js';

export const dingtalkPlatform: PlatformDescriptor<DingtalkConfig> = {
  name: 'dingtalk',
  displayName: '钉钉',
  // userId: letters, digits and . _ @ $ - (DingTalk 通讯录 userid; `$` appears in ids of migrated orgs).
  accountPattern: /^[A-Za-z0-9._@$-]{1,64}$/,
  rosterColumn: { header: '钉钉账号', problem: '钉钉账号应为字母、数字或 . _ @ $ -' },
  readsDirectory: true,
  loadConfig: loadDingtalkConfig,
  secrets: (config) => [config.clientSecret],
  describe: (config) => `DingTalk in ${config.mode} mode${config.mode === 'http' ? ` (callbacks at ${CALLBACK_PATH})` : ''}, API ${config.apiBase}`,
  createTransport: (config, deps) => createDingtalkTransport(config, deps),
};
