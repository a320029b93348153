// BENCHMARKS.md's section for the 看板's pages (issue 19 "Speed"), measured by bench/pages.ts: per page
// and database, p50/p95 server time over the rounds, the page's bytes, and the 200 ms target met or
// missed by how much, with the cause known for a page that misses it.
import { PAGE_TARGET_MS, type PageFigures } from './pages.js';

export interface PagesFigures {
  kind: string;
  rounds: number;
  pages: PageFigures[];
}

// Why a page can miss at 10,000 projects even after issue 19's work (the final report of that work).
const causes: Record<string, string> = {
  总览: "lights every followed project from the few items that decide each light (prisma/load-light-inputs.ts): 80,000 open items scanned and grouped in SQL on every request, then each project's clocks and grouped items read as JSON before the one light rule runs in JavaScript; a per-project summary kept as items change would remove the scan",
  '台账 (first page)': 'a COUNT over the readable projects, then one page by LIMIT/OFFSET lit from the items that decide its lights',
  // The service figures are counted in SQL from the 报到 minutes kept on each call (prisma/load-unit-service-figures.ts);
  // the running month's ranking so far is ranked by a background beat every 3 minutes and read kept (use-cases/refresh-ranking-so-far.ts).
  '单位 (list)':
    "every readable unit's service figures counted in SQL (prisma/load-unit-service-figures.ts) over all its open items and 60 days of finished ones: about 90,000 items joined with their calls and a distinct count of calls per unit on every request; the ranking so far is read as the beat kept it",
  '单位 (one)': "one unit's service figures in SQL and the ranking so far read as the beat kept it",
  排名: 'the ranking so far read as the beat kept it, closed months from UnitMonthRank',
  问题: "counts the week's chain over every readable project and problem (use-cases/load-problem-week.ts), then reads one page of 50",
};

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

export const PAGES_HEADING = '## 看板 pages (issue 19)';

/** `measured`: when and by what, if not by the whole bench's run (bench/run-pages.ts). */
export function writePagesSection(figures: readonly PagesFigures[], measured?: string): string[] {
  if (figures.length === 0) return [];
  const lines = [
    PAGES_HEADING,
    '',
    ...(measured ? [measured, ''] : []),
    `Each page requested over HTTP on 127.0.0.1 through the 看板's router (bench/pages.ts) by 主要领导, who reads every project, with 10,000 projects, 100,000 items and 20,000 problems (bench/seed-projects.ts); ${figures[0]!.rounds} requests per page after 2 unmeasured ones. Target: p95 < ${PAGE_TARGET_MS} ms.`,
    '',
    `| page | ${figures.map((entry) => `${entry.kind} p50 / p95`).join(' | ')} | bytes | target |`,
    `| --- | ${figures.map(() => '---').join(' | ')} | --- | --- |`,
  ];
  for (const [index, page] of figures[0]!.pages.entries()) {
    if (page.background) continue;
    const rows = figures.map((entry) => entry.pages[index]!);
    const missed = rows.filter((row) => row.p95 >= PAGE_TARGET_MS || row.status !== 200);
    const verdict =
      missed.length === 0
        ? 'met'
        : `${missed.map((row) => `${figures[rows.indexOf(row)]!.kind} ${row.status !== 200 ? `status ${row.status}` : `missed by ${ms(row.p95 - PAGE_TARGET_MS)}`}`).join('; ')}${causes[page.page] ? ` — ${causes[page.page]}` : ''}`;
    lines.push(
      `| ${page.page} \`${page.path.replace(/\|/g, '\\|')}\` | ${rows.map((row) => `${ms(row.p50)} / ${ms(row.p95)}`).join(' | ')} | ${page.bytes.toLocaleString('en')} | ${verdict} |`,
    );
  }
  const beat = figures.flatMap((entry) =>
    entry.pages.filter((page) => page.background).map((page) => `${entry.kind} ${ms(page.p50)} (slowest ${ms(page.p95)})`),
  );
  if (beat.length > 0)
    lines.push(
      '',
      `Not a page: the beat that ranks the running month so far in the background (use-cases/refresh-ranking-so-far.ts, one instance at a time, every 3 minutes), so that 排名 and the 单位 pages read it kept, took ${beat.join('; ')} a run of 3.`,
    );
  return [...lines, ''];
}
