// DingTalk 免登 for the 看板 (DingTalk docs, 企业内部应用免登 and 通过免登码获取用户信息): the page gets a
// code from dd.runtime.permission.requestAuthCode (5 minutes, once) and the server exchanges it with
// `POST /topapi/v2/user/getuserinfo` on oapi with the app's cached token → result.userid.
import type { WebLogin } from '../../web/login/web-login.js';
import type { DingtalkApi } from './create-dingtalk-api.js';
import { DingtalkApiError } from './dingtalk-api-error.js';

export function createDingtalkWebLogin(api: DingtalkApi, corpId: string): WebLogin {
  return {
    platform: 'dingtalk',
    corpId,
    async exchange(code) {
      try {
        const answer = await api.oapi<{ result?: { userid?: string } }>('/topapi/v2/user/getuserinfo', { code });
        return answer.result?.userid ?? null;
      } catch (error) {
        // 40078 and the like: the code is unknown, used or expired — a refusal, not a fault.
        if (error instanceof DingtalkApiError) return null;
        throw error;
      }
    },
  };
}
