// Opens a 看板 page as one roster person, without the server (webA's router and login): the page
// function gets the same PageContext the router builds, on the harness's database and clock.
import type { Harness } from '../../support/harness.js';
import { findPerson } from '../../support/find-person.js';
import type { Page, PageResult } from '../../../web/page.js';
import { platformNames } from '../../../bot/platforms.js';

export async function openPage(h: Harness, page: Page, account: string, params: Record<string, string> = {}, query = ''): Promise<PageResult> {
  const person = await findPerson(h.prisma, account);
  return page({
    db: h.prisma,
    viewer: { id: person.id, name: person.name, roles: person.roles, unitId: person.unitId },
    now: h.clock.now(),
    policy: h.policy,
    platforms: platformNames(),
    params,
    query: new URLSearchParams(query),
  });
}

/** The page's visible text, its heading first: tags dropped, entities read back, spaces folded. */
export function visibleText(result: PageResult): string {
  if (!result.ok) throw new Error(`page refused: ${result.status} ${result.message}`);
  // The layout prints the title as the page's heading, above the body.
  return `${result.title} ${result.body.value}`
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
