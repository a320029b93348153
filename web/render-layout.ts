// Every 看板 page's frame, phone first (they open inside the WeCom and DingTalk apps): a viewport
// meta, the nav of the pages, the page's body, its static scripts. Styles are one static file
// and scripts are files too: the CSP allows no inline style or script (docs/architecture.md "看板").
import { html, type SafeHtml } from './html.js';

export interface NavLink {
  href: string;
  title: string;
}

export interface Layout {
  title: string;
  body: SafeHtml;
  /** Absent for a page outside a session (login, refusals) and for an enterprise contact's simpler page. */
  nav?: readonly NavLink[];
  current?: string;
  /** Who is signed in, shown in the header. */
  who?: string;
  scripts?: readonly string[];
}

export function renderLayout(layout: Layout): string {
  const nav = layout.nav?.length
    ? html`<nav class="nav">
        ${layout.nav.map((link) => html`<a href="${link.href}" ${link.href === layout.current ? html` aria-current="page"` : ''}>${link.title}</a>`)}
      </nav>`
    : '';
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <link rel="icon" href="data:," />
        <title>${layout.title} · 项目管家看板</title>
        <link rel="stylesheet" href="/kanban/static/kanban.css" />
      </head>
      <body>
        <header class="top"><span class="brand">项目管家看板</span>${layout.who ? html`<span class="who">${layout.who}</span>` : ''}</header>
        ${nav}
        <main>
          <h1>${layout.title}</h1>
          ${layout.body}
        </main>
        ${(layout.scripts ?? []).map((src) => html`<script src="/kanban/static/${src}"></script> `)}
      </body>
    </html> `.value;
}
