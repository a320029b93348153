// The other 看板 pages (项目, 单位, 问题, 排名) come from the helper building them; empty until then.
import type { Page } from '../page.js';

export const morePages = [] as Array<{ path: string; title: string; page: Page }>;
