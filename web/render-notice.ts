// A short page with one sentence: no session, a refusal, a link that no longer works.
import { html } from './html.js';
import { renderLayout } from './render-layout.js';

export function renderNotice(title: string, message: string): string {
  return renderLayout({ title, body: html`<p class="notice">${message}</p>` });
}

export const NO_SESSION = '请在企业微信、钉钉或本地聊天中发送「看板」，点开回复的链接进入看板。';
