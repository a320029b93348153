// What a handler gets: the parsed message, the sender with roles, the transaction, and
// capabilities (reply, send, record). Never HTTP, never a platform client (docs/architecture.md).
import type { Tx } from '../prisma/open-database.js';
import type { IncomingEvent, OutgoingMessage, Platform } from '../core/messages.js';
import type { PlatformNames } from '../domain/platform-names.js';
import type { Policy, PolicySources } from '../domain/policy.js';
import type { Role } from '../domain/roles.js';
import type { EventRecord, Sender } from '../core/acting.js';

export type { EventRecord, Sender };

export interface HandlerContext {
  /** Every read and write goes through this transaction client, outbox writes included. */
  tx: Tx;
  event: IncomingEvent;
  channel: Platform;
  /** What replies call each platform (from the registry, bot/platforms.ts). */
  platforms: PlatformNames;
  now: Date;
  policy: Policy;
  /** Where each value of `policy` not at its default came from (POLICY_PRESET, POLICY_FILE). */
  policySources: PolicySources;
  /** Null when the sender is not in the roster (and has not bound a project). */
  sender: Sender | null;
  /** For text commands: what follows the command word (set by dispatch). */
  args: string;
  /** Answers the sender on the account they wrote from, before any notice waiting for them. */
  reply(message: string | OutgoingMessage): Promise<void>;
  /** Sends to a person (by Person.id; the platform is chosen at delivery) or to a project's group chat. */
  send(to: number | { chatId: string }, message: string | OutgoingMessage, options?: { dedupKey?: string }): Promise<void>;
  /** Declares or updates a project's group chat to follow its team; returns the chat id. */
  openProjectChat(spec: { projectId: number; name: string; ownerId: number; memberIds: number[] }): Promise<string>;
  /**
   * Reads the platform directory once this transaction has committed (network calls never run
   * inside a transaction) and sends the sender a summary. Null without a platform directory.
   */
  requestDirectorySync: (() => Promise<void>) | null;
  /**
   * Reads a file from the platform once this transaction has committed (a ledger to import: `download` is the
   * file event's handle) and sends the sender its dry run. Null where the platform's files cannot be read.
   */
  readFileLater: ((file: { download: string; name: string }) => Promise<void>) | null;
  /**
   * Where the 看板 is reached (PUBLIC_URL or the listening address) and how this sender's platform signs in:
   * through its app (WeCom 网页授权, DingTalk 免登) or with a one-time link. Null before the server listens.
   */
  kanban: { baseUrl: string; /** Where the sender's app signs them in (网页授权, 免登); null: a one-time link. */ signInPath: string | null } | null;
  /** Appends to the event log with the sender, role and channel filled in. */
  record(event: EventRecord): Promise<void>;
}

/** A handler whose sender is known to be registered (dispatch checks before calling). */
export type RegisteredContext = HandlerContext & { sender: Sender };

export type Handler<C extends HandlerContext = RegisteredContext> = (ctx: C) => Promise<void>;

interface CommandInfo {
  /** The command word, e.g. 派单. */
  word: string;
  summary: string;
  example: string;
  /** An optional module's command (绵阳's 服务绿卡): off, it is left out of 帮助 and refused. */
  enabled?: (policy: Policy) => boolean;
}

/** Who may use a command: listed roles, any registered person, or anyone (only 绑定). */
export type Command = CommandInfo &
  ({ roles: readonly Role[] | 'registered'; run: Handler<RegisteredContext> } | { roles: 'anyone'; run: Handler<HandlerContext> });
