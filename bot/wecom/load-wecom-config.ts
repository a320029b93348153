// WeCom (企业微信) settings from the environment. The five credentials come together or not at
// all: a partial set is a half-configured app that would fail at the first callback, so start-up
// refuses it with one line naming what is missing. Problems are values, one line per bad setting,
// as every platform's loader returns them (bot/transport/platform-descriptor.ts).
import { z } from 'zod';
import type { PlatformConfigResult } from '../transport/platform-descriptor.js';

export interface WecomConfig {
  corpId: string;
  agentId: number;
  secret: string;
  token: string;
  encodingAesKey: string;
  /** `https://qyapi.weixin.qq.com`, or a private deployment's host (政务微信), or a test fake. */
  apiBase: string;
}

const REQUIRED = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const;

export const wecomEnvSchema = z.object({
  WECOM_CORP_ID: z.string().regex(/^[A-Za-z0-9]+$/, 'expected the CorpID from 我的企业 → 企业信息 (letters and digits)'),
  WECOM_AGENT_ID: z.coerce.number().int().positive('expected the AgentId of the self-built app (a number)'),
  WECOM_SECRET: z.string().min(1),
  WECOM_TOKEN: z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'expected the callback Token (letters and digits, at most 32)'),
  // 43 characters of base64 without the trailing "=" (WeCom callback docs, 加解密方案说明).
  WECOM_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'expected the 43-character EncodingAESKey'),
  WECOM_API_BASE: z
    .url({ protocol: /^https?$/ })
    .default('https://qyapi.weixin.qq.com')
    .transform((url) => url.replace(/\/+$/, '')),
});

/**
 * `absent` when none of the five credentials is set; `invalid` with one line per bad setting when
 * the set is partial or a value is malformed (values never appear: the secret and keys are credentials).
 */
export function loadWecomConfig(env: Record<string, string | undefined>): PlatformConfigResult<WecomConfig> {
  const present = REQUIRED.filter((name) => env[name]);
  if (present.length === 0) return { status: 'absent' };
  if (present.length < REQUIRED.length) {
    const missing = REQUIRED.filter((name) => !env[name]);
    return { status: 'invalid', problems: [`${missing[0]}: WeCom is half configured: set ${missing.join(', ')} as well, or unset ${present.join(', ')}`] };
  }
  const parsed = wecomEnvSchema.safeParse(env);
  if (!parsed.success) return { status: 'invalid', problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const vars = parsed.data;
  return {
    status: 'configured',
    config: {
      corpId: vars.WECOM_CORP_ID,
      agentId: vars.WECOM_AGENT_ID,
      secret: vars.WECOM_SECRET,
      token: vars.WECOM_TOKEN,
      encodingAesKey: vars.WECOM_ENCODING_AES_KEY,
      apiBase: vars.WECOM_API_BASE,
    },
  };
}
