// The 看板's one pager (台账, 问题): 上一页 · 第 x / y 页 · 下一页, each link built by the page from its own
// query string, and the page number read from `?page=` the same way on every page.
import { html, type SafeHtml } from '../html.js';

/** `?page=` as a number from 1 to 100,000; anything else is page 1. */
export function readPageNumber(query: URLSearchParams): number {
  const value = query.get('page')?.trim();
  return Math.min(Math.max(value && /^\d{1,9}$/.test(value) ? Number(value) : 1, 1), 100_000);
}

/** The number of pages `total` rows fill, at least one. */
export function countPages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function renderPager(page: number, pages: number, href: (page: number) => string): SafeHtml {
  return html`<div class="pager">
    ${page > 1 ? html`<a href="${href(page - 1)}">上一页</a>` : html`<span></span>`}
    <span class="muted">第 ${page} / ${pages} 页</span>
    ${page < pages ? html`<a href="${href(page + 1)}">下一页</a>` : html`<span></span>`}
  </div>`;
}
