// What a chat platform declares to plug in (docs/architecture.md "Platforms and accounts"): each
// bot/<platform>/index.ts exports one descriptor, and bot/platforms.ts lists them. Config, start-up,
// the roster import, the inbound check and the replies that name a platform all read it.
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { MovableClock } from '../local/shiftable-clock.js';
import type { Transport } from './transport.js';

/** A platform's settings: absent (not used), configured, or wrong — one line per bad setting, naming it. */
export type PlatformConfigResult<C> = { status: 'absent' } | { status: 'configured'; config: C } | { status: 'invalid'; problems: string[] };

/** What a transport may use; a platform takes what it needs. */
export interface TransportDeps {
  prisma: Db;
  clock: Clock;
  logger: Logger;
  /** Where files the bot cannot show are saved (DATA_DIR/files): the local chat's. */
  filesDir: string;
  /** The shared CLOCK_FILE clock, when set: a transport that moves time uses it instead of its own. */
  movableClock?: MovableClock;
}

/** The roster column that gives people an account on this platform (e.g. 企业微信账号). */
export interface RosterColumn {
  header: string;
  /** What the roster refuses, said in the roster's words (e.g. 企业微信账号应为字母、数字或 . _ @ -). */
  problem: string;
}

export interface PlatformDescriptor<C = unknown> {
  /** Stored in Account.platform, Inbound.platform, Outbox.platform: never change it. */
  readonly name: string;
  /** What people call it, in replies (docs/domain.md glossary). */
  readonly displayName: string;
  /** The shape of an account; an event from an account of another shape is refused (bot/inbound/sanitize-incoming-event.ts). */
  readonly accountPattern: RegExp;
  /** Null: people get no account from the roster for this platform by a column of its own. */
  readonly rosterColumn: RosterColumn | null;
  /** Every roster person also gets an account here named like their first platform account (the local chat). */
  readonly mirrorsRosterAccounts?: boolean;
  /** Its transport reads a directory (通讯录) for 同步通讯录. */
  readonly readsDirectory?: boolean;
  /** Started only when no other platform is configured (the local chat lets anyone speak as anyone). */
  readonly onlyWhenAlone?: boolean;
  /** Reads the platform's settings; never throws. `env` has blank values removed. */
  loadConfig(env: Record<string, string | undefined>): PlatformConfigResult<C>;
  /** Values the logger must redact wherever they appear (bot/logger.ts). */
  secrets(config: C): string[];
  /** One line for the start-up log: where callbacks arrive, which API host. */
  describe(config: C): string;
  /** Printed to the terminal at start for the person who ran `npm start` (the local chat's how-to). */
  readonly greeting?: string;
  /** The transport: its routes, its connection, its messenger (bot/transport/transport.ts). */
  createTransport(config: C, deps: TransportDeps): Transport;
}

/** Lets a list hold descriptors of different settings types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPlatformDescriptor = PlatformDescriptor<any>;
