// The `sign` header DingTalk sends with an HTTP-mode callback (机器人接收消息 → 校验请求):
// base64(HMAC-SHA256(key = AppSecret, timestamp + "\n" + AppSecret)). Only tests make signs, so it
// lives here, apart from bot/dingtalk/verify-callback-sign.ts, which checks them.
import { createHmac } from 'node:crypto';

export function signCallback(appSecret: string, timestamp: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest('base64');
}
