// A light as the chat shows it (🟢🟡🔴, domain/project/traffic-light.ts) with its word beside it, so it
// reads without colour too.
import type { Light } from '../../domain/project/traffic-light.js';
import { lightSymbols } from '../../domain/project/traffic-light.js';
import { html, type SafeHtml } from '../html.js';

const words: Record<Light, string> = { green: '正常', yellow: '临期', red: '逾期' };

export function showLight(light: Light | null): SafeHtml {
  if (light === null) return html`<span class="light">·</span>`;
  return html`<span class="light light-${light}" title="${words[light]}">${lightSymbols[light]}</span>`;
}
