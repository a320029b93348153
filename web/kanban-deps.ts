// What the 看板 is given by bot/main.ts: the database, the policy, the clock, the logger, the platforms' names, where it is reached,
// its session key and the platforms' logins (web/login/web-login.ts).
import type { Db } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { WebLogin } from './login/web-login.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { PlatformNames } from '../domain/platform-names.js';

export interface KanbanDeps {
  prisma: Db;
  policy: Policy;
  clock: Clock;
  logger: Logger;
  /** What pages call each chat platform (the 档案 timeline). */
  platforms: PlatformNames;
  /** PUBLIC_URL, or the address the server listens on; `https://…` makes the cookies Secure. */
  publicUrl(): string;
  /** The key that signs session cookies (web/session/load-session-key.ts). */
  sessionKey(): Promise<string>;
  logins: readonly WebLogin[];
}
