// What every 看板 page receives and returns: the signed-in person (the same Viewer the chat's 进度 uses),
// the database, the clock and the policy; a page returns its title and body, or a refusal.
import type { Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { Viewer } from '../domain/access/project-access.js';
import type { SafeHtml } from './html.js';

export interface PageViewer extends Viewer {
  name: string;
}

export interface PageContext {
  db: Tx;
  viewer: PageViewer;
  now: Date;
  policy: Policy;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type PageResult = { ok: true; title: string; body: SafeHtml; scripts?: string[] } | { ok: false; status: 403 | 404; message: string };

export type Page = (ctx: PageContext) => Promise<PageResult>;
