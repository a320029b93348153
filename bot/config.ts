// Configuration from environment variables (a .env file may supply them), validated once at
// start. A bad value stops start-up with one line naming the variable and what it expects.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolvePolicy, type Policy, type PolicySources } from '../domain/policy.js';
import { presetNames, type PresetName } from '../domain/policy-presets.js';
import { readClockFile } from './file-clock.js';
import { listPlatforms } from './platforms.js';
import type { AnyPlatformDescriptor } from './transport/platform-descriptor.js';

export class ConfigError extends Error {}

const envSchema = z.object({
  PORT: z.coerce.number('expected a port number').int('expected a port number').min(0).max(65535, 'expected a port number up to 65535').default(3000),
  HOST: z.union([z.ipv4(), z.ipv6(), z.hostname()], 'expected an IP address of this machine (127.0.0.1, 0.0.0.0 for all interfaces) or a host name').optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgres://user:password@host:port/database, or unset for the embedded database')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  TRUST_PROXY: z.enum(['0', '1'], 'expected 1 (behind a load balancer) or 0').default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POLICY_PRESET: z.enum(presetNames, `expected one of ${presetNames.join(', ')}`).default('镇平'),
  POLICY_FILE: z.string().min(1).optional(),
  ROSTER_FILE: z
    .string()
    .regex(/\.(csv|xlsx)$/i, 'expected the path of a .csv or .xlsx roster')
    .optional(),
  CLOCK_FILE: z.string().min(1).optional(),
  // The address people open the 看板 at (README "看板"); with WeCom, its host is the app's 可信域名.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'expected the http(s) address people open the 看板 at, e.g. https://xmgj.example.gov.cn' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  SESSION_SECRET: z.string().min(32, 'expected at least 32 random characters (or unset: one is kept in the database)').optional(),
});

export interface Config {
  port: number;
  /** The interface the server listens on (HOST). */
  host: string;
  /** A postgres:// URL, or the directory of the embedded PGlite database. */
  database: string;
  /** Where the local chat saves the files it cannot show: DATA_DIR/files (bot/local/save-local-file.ts). */
  filesDir: string;
  /** Where `npm run backup` and the nightly backup write: DATA_DIR/backups (bot/backup/take-backup.ts). */
  backupsDir: string;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  policy: Policy;
  /** Where each value of `policy` not at its default came from (`设置`). */
  policySources: PolicySources;
  rosterFile: string | undefined;
  /** A file every process reads the time from (bot/file-clock.ts), for tests and demos; unset, the system clock. */
  clockFile: string | undefined;
  /** PUBLIC_URL: where the 看板's links point; unset, the address the server listens on. */
  publicUrl: string | undefined;
  /** SESSION_SECRET: signs the 看板's session cookies; unset, one kept in the database (web/session/load-session-key.ts). */
  sessionSecret: string | undefined;
  /**
   * The platforms to start, in the registry's order of preference (bot/platforms.ts): every configured
   * one, or only the local chat when none is (a descriptor marked onlyWhenAlone).
   */
  platforms: ConfiguredPlatform[];
}

/** A platform with its settings, as its descriptor loaded them. */
export interface ConfiguredPlatform {
  platform: AnyPlatformDescriptor;
  settings: unknown;
}

/** Reads and checks the configuration; throws ConfigError with one line for a person. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const vars = parsed.data;
  const { policy, sources } = loadPolicy(vars.POLICY_PRESET, vars.POLICY_FILE);
  if (vars.ROSTER_FILE && !existsSync(vars.ROSTER_FILE)) {
    throw new ConfigError(`ROSTER_FILE: no file at ${vars.ROSTER_FILE}`);
  }
  if (vars.CLOCK_FILE) checkClockFile(vars.CLOCK_FILE);
  const platforms = loadPlatforms(blankToUndefined(env));
  const platform = platforms.some(({ platform }) => !platform.onlyWhenAlone);
  return {
    port: vars.PORT,
    // The local chat lets anyone who reaches the port speak as anyone: it stays on this machine
    // unless told otherwise. A platform must reach a configured server, usually through a proxy on
    // another machine, so then the default is every interface.
    host: vars.HOST ?? (platform ? '0.0.0.0' : '127.0.0.1'),
    database: vars.DATABASE_URL ?? `${vars.DATA_DIR}/pglite`,
    filesDir: `${vars.DATA_DIR}/files`,
    backupsDir: `${vars.DATA_DIR}/backups`,
    trustProxy: vars.TRUST_PROXY === '1',
    logLevel: vars.LOG_LEVEL,
    policy,
    policySources: sources,
    rosterFile: vars.ROSTER_FILE,
    clockFile: vars.CLOCK_FILE,
    publicUrl: vars.PUBLIC_URL,
    sessionSecret: vars.SESSION_SECRET,
    platforms,
  };
}

/** The settings of the platform named `name`, when it is among those to start (tests and scripts). */
export function platformSettings<C>(config: Config, name: string): C | undefined {
  return config.platforms.find(({ platform }) => platform.name === name)?.settings as C | undefined;
}

/** The credentials the logger writes as `[redacted]` wherever they appear (core/logger.ts). */
export function logSecrets(config: Config): string[] {
  const password = URL.canParse(config.database) ? decodeURIComponent(new URL(config.database).password) : '';
  const platformSecrets = config.platforms.flatMap(({ platform, settings }) => platform.secrets(settings));
  return [...platformSecrets, config.sessionSecret, password].filter((secret): secret is string => Boolean(secret));
}

/** Every platform's settings; all their problems at once, one line each. */
function loadPlatforms(env: Record<string, string | undefined>): ConfiguredPlatform[] {
  const configured: ConfiguredPlatform[] = [];
  const problems: string[] = [];
  for (const platform of listPlatforms()) {
    const result = platform.loadConfig(env);
    if (result.status === 'invalid') problems.push(...result.problems);
    if (result.status === 'configured') configured.push({ platform, settings: result.config });
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  const others = configured.filter(({ platform }) => !platform.onlyWhenAlone);
  return others.length > 0 ? others : configured;
}

function checkClockFile(file: string): void {
  if (!existsSync(file)) throw new ConfigError(`CLOCK_FILE: no file at ${file}`);
  if (!readClockFile(file)) throw new ConfigError(`CLOCK_FILE: ${file} does not hold an instant like 2026-12-07T09:00:00+08:00`);
}

function loadPolicy(preset: PresetName, file: string | undefined): { policy: Policy; sources: PolicySources } {
  let override: unknown;
  if (file) {
    if (!existsSync(file)) throw new ConfigError(`POLICY_FILE: no file at ${file}`);
    try {
      override = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`POLICY_FILE: ${file} is not valid JSON (${(error as Error).message})`);
    }
  }
  const result = resolvePolicy(override, preset);
  if (!result.ok) throw new ConfigError(`POLICY_FILE: ${file} — ${result.problems.join('; ')}`);
  return result;
}

/** `FOO=` in a .env file means "not set", not "set to the empty string". */
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]));
}
