// A chat platform as a plug-in (docs/architecture.md): bot/main.ts starts every configured
// transport the same way. A transport turns the platform's callbacks or pushes into neutral
// IncomingEvents handed to `receive`, and delivers the outbox through its messenger.
import type { WebLogin } from '../../web/login/web-login.js';
import type Router from '@koa/router';
import type { IncomingEvent, Platform } from '../../core/messages.js';
import type { MovableClock } from '../local/shiftable-clock.js';
import type { Messenger } from './messenger.js';

/** Records an event once: 'duplicate' for a platform retry, 'invalid' when it fails validation. */
export type Receive = (event: IncomingEvent) => Promise<'accepted' | 'duplicate' | 'invalid'>;

/** One person of a platform directory (通讯录), in neutral names. */
export interface DirectoryPerson {
  account: string;
  name: string;
  /** Mobile number, where the platform gives it to the app. */
  mobile?: string;
  departments: string[];
}

/**
 * Reads a file a person sent, by the platform's handle (DingTalk's downloadCode): its size, and its bytes
 * when they are at most `maxBytes` (null for a larger file, which is not read to its end).
 */
export type FetchFile = (download: string, maxBytes: number) => Promise<{ size: number; bytes: Buffer | null }>;

export interface Transport {
  readonly platform: Platform;
  readonly messenger: Messenger;
  /** HTTP routes the platform calls (callbacks), mounted on the bot's server. */
  routes?(receive: Receive): Router;
  /** Opens a connection the transport keeps itself (DingTalk Stream mode). */
  start?(receive: Receive): Promise<void>;
  stop?(): Promise<void>;
  /** A problem /readyz reports (e.g. "stream connection down for 75 s"), or null. */
  health?(): string | null;
  /** Reads the platform's directory, for 同步通讯录. */
  fetchDirectory?(): Promise<DirectoryPerson[]>;
  /** Reads a file a person sent (a ledger to import). */
  fetchFile?: FetchFile;
  /** A clock the transport lets people move (the local chat's); the bot then runs on it. */
  readonly clock?: MovableClock;
  /** Set by bot/main.ts: runs what came due after the transport's clock moved. */
  afterClockMoved?: () => Promise<void>;
  /** How the 看板 signs in a person from this platform's app (web/login); absent, the chat sends a one-time link. */
  webLogin?: WebLogin;
}
