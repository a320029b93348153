// What a handler gets: the parsed message, the sender with roles, the transaction, and
// capabilities (reply, send, record). Never HTTP, never a platform client (STYLE.md item 2).
import type { Tx } from '../prisma/open-database.js';
import type { IncomingEvent, Platform } from '../bot/incoming-event.js';
import type { OutgoingMessage } from '../bot/outgoing-message.js';
import type { Policy } from '../domain/policy.js';
import type { Role } from '../domain/roles.js';

export interface Sender {
  id: number;
  userid: string;
  name: string;
  unitId: number | null;
  roles: Role[];
}

export interface EventRecord {
  kind: string;
  projectId?: number;
  taskId?: number;
  before?: object;
  after?: object;
}

export interface HandlerContext {
  /** Every read and write goes through this transaction client, outbox writes included. */
  tx: Tx;
  event: IncomingEvent;
  channel: Platform;
  now: Date;
  policy: Policy;
  /** Null when the sender is not in the roster (and has not bound a project). */
  sender: Sender | null;
  /** For text commands: what follows the command word (set by dispatch). */
  args: string;
  reply(message: string | OutgoingMessage): Promise<void>;
  /**
   * Reads the platform directory once this transaction has committed (network calls never run
   * inside a transaction) and sends the sender a summary. Null without a platform directory.
   */
  requestDirectorySync: (() => void) | null;
  send(userid: string, message: string | OutgoingMessage, options?: { taskId?: number; dedupKey?: string }): Promise<void>;
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
}

/** Who may use a command: listed roles, any registered person, or anyone (only 绑定). */
export type Command = CommandInfo &
  (
    | { roles: readonly Role[] | 'registered'; run: Handler<RegisteredContext> }
    | { roles: 'anyone'; run: Handler<HandlerContext> }
  );
