// What the 看板 is given by bot/main.ts: the database, the policy, the clock, where it is reached,
// its session key and the platforms' logins (web/login/web-login.ts).
import type { Db } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { WebLogin } from './login/web-login.js';

export interface KanbanLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface KanbanDeps {
  prisma: Db;
  policy: Policy;
  clock: { now(): Date };
  logger: KanbanLogger;
  /** PUBLIC_URL, or the address the server listens on; `https://…` makes the cookies Secure. */
  publicUrl(): string;
  /** The key that signs session cookies (web/session/load-session-key.ts). */
  sessionKey(): Promise<string>;
  logins: readonly WebLogin[];
}
