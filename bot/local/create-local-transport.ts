// The local chat as a transport (bot/transport/transport.ts): `npm run chat` posts lines to
// /local/say and reads what the bot sends from /local/messages. Used only when no platform is
// configured: it would let anyone reaching the port speak as anyone. Its clock can be moved
// (`npm run chat -- --clock "2026-12-01 09:00"`) to try the scheduled digests; `afterClockMoved`
// then runs what came due.
import type { Db } from '../../prisma/open-database.js';
import type { Transport } from '../transport/transport.js';
import { localChatRoutes } from './local-chat-routes.js';
import { LocalMessenger } from './local-messenger.js';
import { ShiftableClock, type MovableClock } from './shiftable-clock.js';

export interface LocalTransport extends Transport {
  readonly messenger: LocalMessenger;
  readonly clock: MovableClock;
  afterClockMoved?: () => Promise<void>;
}

/** `filesDir`: where files sent to the chat are saved (DATA_DIR/files). */
export function createLocalTransport(prisma: Db, filesDir: string, clock: MovableClock = new ShiftableClock()): LocalTransport {
  const messenger = new LocalMessenger(prisma, filesDir);
  const transport: LocalTransport = {
    platform: 'local',
    messenger,
    clock,
    routes: (receive) =>
      localChatRoutes(receive, messenger, clock, {
        moveClock: async (at) => {
          clock.moveTo(at);
          await transport.afterClockMoved?.();
        },
      }),
  };
  return transport;
}
