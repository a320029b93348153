// The data a page's static script reads: a JSON block, never executed (CSP script-src 'self'), with `<`
// escaped so no value can close the element (docs/architecture.md "看板").
import { SafeHtml } from './html.js';

export function pageData(data: unknown): SafeHtml {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return new SafeHtml(`<script type="application/json" id="page-data">${json}</script>`);
}
