// The data a page's static script reads (no inline executable script under the 看板's CSP): JSON in a
// `<script type="application/json" id="page-data">`, whose text the browser does not decode, so `<`,
// `>` and `&` are written as JSON escapes — a typed name cannot close the element.
import { SafeHtml } from '../html.js';

export function pageData(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return new SafeHtml(`<script type="application/json" id="page-data">${json}</script>`);
}
