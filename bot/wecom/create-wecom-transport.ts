// The WeCom transport (bot/transport/transport.ts): encrypted callbacks in, the WeCom API out.
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { saveCardHandle } from '../transport/card-handles.js';
import type { Transport } from '../transport/transport.js';
import { createWecomApi } from './create-wecom-api.js';
import { createWecomMessenger } from './create-wecom-messenger.js';
import { createWecomRouter } from './create-wecom-router.js';
import { createWecomWebLogin } from './exchange-wecom-code.js';
import { fetchDirectory } from './fetch-directory.js';
import type { WecomConfig } from './load-wecom-config.js';

export function createWecomTransport(config: WecomConfig, deps: { prisma: Db; clock: Clock; logger: Logger }): Transport {
  const api = createWecomApi(config);
  return {
    platform: 'wecom',
    messenger: createWecomMessenger({ api, prisma: deps.prisma, agentId: config.agentId, clock: deps.clock }),
    routes: (receive) =>
      createWecomRouter({
        config,
        receive,
        saveCardHandle: (handle) => saveCardHandle(deps.prisma, { platform: 'wecom', ...handle }),
        logger: deps.logger,
        clock: deps.clock,
      }),
    fetchDirectory: () => fetchDirectory(api),
    webLogin: createWecomWebLogin(api, config.corpId, config.agentId),
  };
}
