// The local chat (本地聊天) as a plug-in (bot/transport/platform-descriptor.ts): listed in
// bot/platforms.ts. It needs no settings and runs only when no other platform is configured: it lets
// anyone who reaches the port speak as anyone. Every roster person gets a local account named like
// their first platform account, so `npm run chat -- --as <account>` speaks as them.
import type { PlatformDescriptor } from '../transport/platform-descriptor.js';
import { createLocalTransport } from './create-local-transport.js';

export const localPlatform: PlatformDescriptor<Record<string, never>> = {
  name: 'local',
  displayName: '本地聊天',
  // The local chat speaks as a roster account of any platform.
  accountPattern: /^[A-Za-z0-9._@$-]{1,64}$/,
  rosterColumn: null,
  mirrorsRosterAccounts: true,
  onlyWhenAlone: true,
  loadConfig: () => ({ status: 'configured', config: {} }),
  secrets: () => [],
  describe: () => 'local chat at /local/say and /local/messages (npm run chat)',
  greeting:
    '\nNo chat platform configured: chat locally in another terminal, e.g.\n  npm run chat -- --as window     (专窗)\n  npm run chat -- --as zrzy.agent  (自然资源局代办员)\n',
  createTransport: (_config, deps) => {
    const transport = createLocalTransport(deps.prisma, deps.filesDir, deps.movableClock);
    transport.messenger.deliveries.on('delivery', (delivery) =>
      deps.logger.info({ to: delivery.recipient }, `→ ${delivery.name}: ${delivery.text.split('\n')[0]}`),
    );
    return transport;
  },
};
