// WeCom 网页授权 for the 看板 (WeCom docs, 构造网页授权链接 and 获取访问用户身份): the person's WeCom app
// opens authorize with snsapi_base, WeCom redirects back with a code (5 minutes, once), and
// `GET /cgi-bin/auth/getuserinfo` turns it into the member's userid with the app's cached token.
import type { WebLogin } from '../../web/login/web-login.js';
import type { WecomApi } from './create-wecom-api.js';
import { WecomApiError } from './wecom-api-error.js';

const AUTHORIZE = 'https://open.weixin.qq.com/connect/oauth2/authorize';

export function createWecomWebLogin(api: WecomApi, corpId: string, agentId: number): WebLogin {
  return {
    platform: 'wecom',
    authorizeUrl: (redirectUri, state) => {
      const query = new URLSearchParams({
        appid: corpId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'snsapi_base',
        state,
        agentid: String(agentId),
      });
      return `${AUTHORIZE}?${query.toString()}#wechat_redirect`;
    },
    async exchange(code) {
      try {
        // A member answers with userid; someone outside the corp with openid only (获取访问用户身份).
        const answer = await api.get<{ userid?: string; UserId?: string }>('auth/getuserinfo', { code });
        return answer.userid ?? answer.UserId ?? null;
      } catch (error) {
        // 40029 invalid code (used, expired or forged): a refusal, not a fault.
        if (error instanceof WecomApiError) return null;
        throw error;
      }
    },
  };
}
