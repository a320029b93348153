// webA's 看板 pages (总览, 台账); the router mounts them with web/pages/more-pages.ts under /kanban.
import type { Page } from '../page.js';
import { ledgerPage } from './ledger-page.js';
import { overviewPage } from './overview-page.js';

export const mainPages: Array<{ path: string; title: string; page: Page }> = [
  { path: '/', title: '总览', page: overviewPage },
  { path: '/ledger', title: '台账', page: ledgerPage },
];
