// DingTalk (钉钉) settings from the environment. The three credentials of the enterprise app and
// its robot come together or not at all: a partial set would fail at the first message, so it is
// refused with one line naming what is missing. Values never appear in a problem line: the
// AppSecret signs callbacks and fetches tokens.
import { z } from 'zod';
import type { PlatformConfigResult } from '../transport/platform-descriptor.js';

export interface DingtalkConfig {
  /** AppKey (Client ID) of the enterprise internal app (企业内部应用). */
  clientId: string;
  /** AppSecret (Client Secret): fetches tokens and signs HTTP-mode callbacks. */
  clientSecret: string;
  /** The robot's code (机器人 → RobotCode); usually equal to the AppKey. */
  robotCode: string;
  /** `stream`: the bot opens the connection (no public URL); `http`: DingTalk posts to /dingtalk/callback. */
  mode: 'stream' | 'http';
  /** An interactive card template (卡片平台) for task cards; unset: cards go out as markdown. */
  cardTemplateId: string | undefined;
  /** The organisation's CorpId (开发者后台 → 基础信息), for the 看板's 免登; unset, 看板 answers with a one-time link. */
  corpId?: string | undefined;
  /** `https://api.dingtalk.com`, or a test fake. */
  apiBase: string;
  /** `https://oapi.dingtalk.com`: the older host the contacts API (通讯录) still lives on. */
  oapiBase: string;
}

const REQUIRED = ['DINGTALK_CLIENT_ID', 'DINGTALK_CLIENT_SECRET', 'DINGTALK_ROBOT_CODE'] as const;

const host = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .default(fallback)
    .transform((url) => url.replace(/\/+$/, ''));

const envSchema = z.object({
  DINGTALK_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'expected the AppKey (Client ID) from 凭证与基础信息'),
  // Never echo the value: only its shape is described.
  DINGTALK_CLIENT_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, 'expected the AppSecret (Client Secret) from 凭证与基础信息, 16 or more letters, digits, - or _'),
  DINGTALK_ROBOT_CODE: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'expected the RobotCode from the robot page (usually the AppKey)'),
  DINGTALK_MODE: z.enum(['stream', 'http'], 'expected stream (default) or http').default('stream'),
  DINGTALK_CARD_TEMPLATE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,128}$/, 'expected a card template id such as 1a2b3c4d-….schema')
    .optional(),
  DINGTALK_CORP_ID: z
    .string()
    .regex(/^ding[A-Za-z0-9]{4,60}$/, 'expected the CorpId from 开发者后台 (it starts with ding)')
    .optional(),
  DINGTALK_API_BASE: host('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: host('https://oapi.dingtalk.com'),
});

/**
 * `absent` when none of the three credentials is set (DingTalk off); `invalid` with one line per bad
 * setting, each starting with the variable, when the set is partial or malformed.
 */
export function loadDingtalkConfig(env: Record<string, string | undefined>): PlatformConfigResult<DingtalkConfig> {
  const vars = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value?.trim() === '' ? undefined : value?.trim()]));
  const present = REQUIRED.filter((name) => vars[name]);
  if (present.length === 0) return { status: 'absent' };
  if (present.length < REQUIRED.length) {
    const missing = REQUIRED.filter((name) => !vars[name]);
    return { status: 'invalid', problems: [`${missing[0]}: DingTalk is half configured: set ${missing.join(', ')} as well, or unset ${present.join(', ')}`] };
  }
  const parsed = envSchema.safeParse(vars);
  if (!parsed.success) return { status: 'invalid', problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const v = parsed.data;
  return {
    status: 'configured',
    config: {
      clientId: v.DINGTALK_CLIENT_ID,
      clientSecret: v.DINGTALK_CLIENT_SECRET,
      robotCode: v.DINGTALK_ROBOT_CODE,
      mode: v.DINGTALK_MODE,
      cardTemplateId: v.DINGTALK_CARD_TEMPLATE_ID,
      corpId: v.DINGTALK_CORP_ID,
      apiBase: v.DINGTALK_API_BASE,
      oapiBase: v.DINGTALK_OAPI_BASE,
    },
  };
}
