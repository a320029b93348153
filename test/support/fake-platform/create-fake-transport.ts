// A chat platform that lives in memory: what people type is pushed as the platform would push it,
// and what the bot sends lands in a RecordingMessenger. It uses nothing but the plug-in contract
// (bot/transport/transport.ts), so a story run on it shows that nothing else names a platform.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../core/clock.js';
import type { Receive, Transport } from '../../../bot/transport/transport.js';
import { RecordingMessenger } from '../recording-messenger.js';

export interface FakeTransport extends Transport {
  readonly messenger: RecordingMessenger;
  /** A person on the platform types `text`; the answer is what `receive` said of the event. */
  type(account: string, text: string): Promise<'accepted' | 'duplicate' | 'invalid'>;
}

export function createFakeTransport(name: string, clock: Clock): FakeTransport {
  let receive: Receive | null = null;
  return {
    platform: name,
    messenger: new RecordingMessenger(name),
    // Like DingTalk's Stream mode, the platform pushes over a connection the transport opens itself.
    start: async (given) => {
      receive = given;
    },
    stop: async () => {
      receive = null;
    },
    type: async (account, text) => {
      if (!receive) throw new Error(`the ${name} transport is not started`);
      return receive({ platform: name, type: 'text', account, text, dedupKey: randomUUID(), at: clock.now().toISOString() });
    },
  };
}
