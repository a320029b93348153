// The 22nd's ranking and its 台账 file against issue 20's targets, as rows of BENCHMARKS.md's target table
// (bench/write-report.ts): the ranking digest (snapshot, build, chart, queue) < 1.5 s; the file job within
// 1.5× of exceljs streaming the same workbook with nothing else, measured in the same run; each < 300 MB
// above idle. Its own file so the report's other sections change without touching these.
import type { DigestFigures } from './digests.js';
import { atMost as over, ms, type Check } from './format-report.js';

const mib = (value: number) => `${value.toFixed(0)} MiB`;
const bySteps = (figures: DigestFigures) =>
  figures.steps.length === 0 ? '' : `By step: ${figures.steps.map(([name, time]) => `${name} ${ms(time)}`).join(', ')}.`;

export function filesChecks(digests: readonly DigestFigures[], kind: string): Check[] {
  const ranking = digests.find((figures) => figures.role === 'ranking');
  const floor = digests.find((figures) => figures.role === 'exceljs-floor');
  const job = digests.find((figures) => figures.role === 'ledger-file-job');
  const checks: Check[] = [];
  const embedded = kind === 'PGlite' ? ' The memory peak includes the embedded database, which runs in the same process.' : '';
  if (ranking)
    checks.push({
      target: 'ranking digest at 10,000 projects < 1.5 s, < 300 MB',
      value: `${ms(ranking.ms)}, peak +${mib(ranking.peakMiB)}, ${ranking.recipients} readers`,
      gap: [over(ranking.ms, 1500, ms), over(ranking.peakMiB, 300, mib)].filter(Boolean).join('; '),
      cause: `${bySteps(ranking)} The 台账 is no longer built here: the ranking queues a job for it (use-cases/send-ranking-ledger-file.ts).${embedded}`,
    });
  if (ranking && floor && job)
    checks.push({
      target: 'ranking 台账 file job within 1.5× of the exceljs streaming floor, < 300 MB',
      value: `${ms(job.ms)} vs floor ${ms(floor.ms)} (${(job.ms / floor.ms).toFixed(2)}×), peak +${mib(job.peakMiB)} (floor +${mib(floor.peakMiB)}), stored once for ${job.recipients} readers`,
      gap: [over(job.ms, 1.5 * floor.ms, ms), over(job.peakMiB, 300, mib)].filter(Boolean).join('; '),
      cause: `${bySteps(job)} Beyond the floor the job reads the ledger (10,000 projects, 100,000 cards, 20,000 problems) and builds its sheets before exceljs writes them.${embedded}`,
    });
  return checks;
}
