// The WeCom transport as the server starts it: the messenger the outbox delivers through, and
// the callback router that feeds the bot's `receive`. The router needs the bot and the bot needs
// the messenger, hence a router factory.
import type Router from '@koa/router';
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Messenger } from '../outbox/messenger.js';
import type { DirectorySource } from '../sync-directory-now.js';
import { createWecomApi } from './create-wecom-api.js';
import { fetchDirectory } from './fetch-directory.js';
import { syncDirectory } from './sync-directory.js';
import { createWecomMessenger } from './create-wecom-messenger.js';
import { createWecomRouter, type WecomRouterDeps } from './create-wecom-router.js';
import type { WecomConfig } from './load-wecom-config.js';

export interface WecomTransport {
  messenger: Messenger;
  directory: DirectorySource;
  router(bot: Pick<WecomRouterDeps, 'receive'>): Router;
}

export function createWecomTransport(config: WecomConfig, deps: { prisma: Db; clock: Clock; logger: Logger }): WecomTransport {
  const api = createWecomApi(config);
  return {
    messenger: createWecomMessenger({ api, prisma: deps.prisma, agentId: config.agentId, clock: deps.clock }),
    directory: {
      async load() {
        const directory = await fetchDirectory(api);
        return (tx) => syncDirectory(tx, directory);
      },
    },
    router: (bot) => createWecomRouter({ config, receive: (event) => bot.receive(event), logger: deps.logger, clock: deps.clock }),
  };
}
