// The local chat as a transport (bot/transport/transport.ts): `npm run chat` posts lines to
// /local/say and reads what the bot sends from /local/messages. Used only when no platform is
// configured: it would let anyone reaching the port speak as anyone.
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../clock.js';
import type { Transport } from '../transport/transport.js';
import { localChatRoutes } from './local-chat-routes.js';
import { LocalMessenger } from './local-messenger.js';

export function createLocalTransport(prisma: Db, clock: Clock): Transport & { messenger: LocalMessenger } {
  const messenger = new LocalMessenger(prisma);
  return { platform: 'local', messenger, routes: (receive) => localChatRoutes(receive, messenger, clock) };
}
