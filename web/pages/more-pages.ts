// webB's 看板 pages (issue 19), mounted under /kanban by the router beside webA's main-pages.ts.
import type { Page } from '../page.js';
import { showProblems } from './show-problems.js';
import { showProject } from './show-project.js';
import { showRanking } from './show-ranking.js';
import { showUnit } from './show-unit.js';
import { showUnits } from './show-units.js';

export const morePages: Array<{ path: string; title: string; page: Page }> = [
  { path: '/kanban/projects/:code', title: '项目', page: showProject },
  { path: '/kanban/units', title: '单位', page: showUnits },
  { path: '/kanban/units/:unitId', title: '单位', page: showUnit },
  { path: '/kanban/problems', title: '问题', page: showProblems },
  { path: '/kanban/ranking', title: '排名', page: showRanking },
];
