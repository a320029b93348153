// Where the 看板 starts each platform's own sign-in (web/login/login-routes.ts): the chat's `看板` sends
// this link to a person writing from that platform's app.
import type { WebLogin } from './web-login.js';

export function signInPath(login: WebLogin): string {
  return login.platform === 'wecom' ? '/kanban/auth/wecom/start' : '/kanban/auth/dingtalk';
}
