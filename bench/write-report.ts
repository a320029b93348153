// Writes BENCHMARKS.md from the bench's figures: the command, the machine, the date, each target
// met or missed by how much, the ratio to the bare Koa floor, the profile by stage, and for every
// missed target its gap with the cause the profile and counters show. Formatted with prettier.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { checkEndToEnd } from './check-end-to-end.js';
import type { DigestFigures } from './digests.js';
import type { EndToEndFigures } from './end-to-end.js';
import { atMost, ms, pct, table, type Check } from './format-report.js';
import { filesChecks } from './write-files-section.js';
import type { RoundTrips } from './scale.js';
import type { TimerFigures } from './timers.js';
import { writeEndToEndSections } from './write-end-to-end-sections.js';
import { PAGE_ROUNDS, type PageFigures } from './pages.js';
import { writePagesSection } from './write-pages-section.js';

export type DatabaseFigures =
  | {
      kind: 'PGlite' | 'PostgreSQL';
      version?: string;
      endToEnd: EndToEndFigures;
      timers: TimerFigures;
      scale: { projects: number; roundTrips: RoundTrips }[];
      digests: DigestFigures[];
      /** The 看板's pages at 10,000 projects (bench/pages.ts). */
      pages?: PageFigures[];
    }
  | { kind: 'PostgreSQL'; failed: string };

type Measured = Exclude<DatabaseFigures, { failed: string }>;

const LOAD_AT_START = loadavg()[0]!;
const REPORT = new URL('../BENCHMARKS.md', import.meta.url).pathname;
/** Sections measured by other commands (fault tests, bench/growth.ts) follow this line and are kept as they are. */
const KEPT_BELOW = '<!-- Below: measured by other commands, kept by npm run bench. -->';

function checks(figures: Measured, postgres: Measured | undefined): Check[] {
  const { endToEnd: e2e, timers, scale, digests, kind } = figures;
  const result: Check[] = checkEndToEnd(kind, e2e);
  const firingSpan = timers.firing.max;
  result.push(
    {
      target: `timers: ${timers.cards.toLocaleString('en')} cards escalated once each`,
      value: `${timers.escalatedOnce.toLocaleString('en')} once, ${timers.escalatedTwice} twice, ${timers.duplicates} messages delivered twice`,
      gap:
        timers.escalatedOnce === timers.cards && timers.escalatedTwice + timers.duplicates === 0
          ? ''
          : `missed: ${timers.cards - timers.escalatedOnce} not fired within the bench's wait`,
    },
    {
      target: 'timers: firing lateness p99 ≤ 2 s, max ≤ 5 s',
      value: `p50 ${ms(timers.firing.p50)}, p99 ${ms(timers.firing.p99)}, max ${ms(timers.firing.max)}`,
      gap: [atMost(timers.firing.p99, 2000, ms), atMost(timers.firing.max, 5000, ms)].filter(Boolean).join('; '),
      cause: `A pass (every second) claims up to 500 due calls and fires them with a handful of statements: the last of the minute's ${timers.cards.toLocaleString('en')} cards fired ${ms(firingSpan)} after it was due.`,
    },
    {
      target: 'timers: delivery lateness p99 ≤ 2 s, max ≤ 5 s (agents and unit leaders)',
      value: `p50 ${ms(timers.delivery.p50)}, p99 ${ms(timers.delivery.p99)}, max ${ms(timers.delivery.max)}; ${timers.delivered.toLocaleString('en')} of ${timers.notices.toLocaleString('en')} delivered`,
      gap: [
        atMost(timers.delivery.p99, 2000, ms),
        atMost(timers.delivery.max, 5000, ms),
        timers.delivered < timers.notices ? `${timers.notices - timers.delivered} not delivered within the wait` : '',
      ]
        .filter(Boolean)
        .join('; '),
      cause:
        `Delivery starts when a pass has fired; the sender claims 200 rows a pass, sends to 16 people at once and records the confirmed sends 50 at a time (bot/outbox/record-sent-rows.ts)` +
        (kind === 'PGlite' ? ', and on PGlite its claims and writes wait for the one connection behind the escalation passes' : '') +
        `. The window is told of all ${timers.windowTotal.toLocaleString('en')} calls, up to 100 to a notice, paced by WeCom's 30 messages a minute per member: ` +
        `${timers.windowQueued.toLocaleString('en')} of them not yet shown at the end, by design.`,
    },
  );
  result.push(...filesChecks(digests, kind));
  for (const digest of digests.filter((figures) => !figures.role))
    result.push({
      target: `digests: ${digest.name} < 2 s, < 300 MB`,
      value: `${ms(digest.ms)}, peak +${digest.peakMiB.toFixed(0)} MiB, ${digest.recipients} recipients`,
      gap: [atMost(digest.ms, 2000, ms), atMost(digest.peakMiB, 300, (value) => `${value.toFixed(0)} MiB`)].filter(Boolean).join('; '),
      cause:
        `By step: ${digest.steps.map(([name, time]) => `${name} ${ms(time)}`).join(', ')}. ` +
        'The big tables are read in plain SQL as one JSON array each (prisma/read-json-rows.ts) and deadlines are counted from yearly running totals ' +
        '(domain/calendar/add-working-days.ts). What is left is reading 10,000 projects, 100,000 cards and 20,000 problems (the ranking reads the 台账’s ' +
        'rows in its own job: bench/write-files-section.ts), and the digests queued to each reader' +
        (kind === 'PGlite' ? '. The memory peak includes the embedded database, which runs in the same process.' : '.'),
    });
  const [few, many] = scale;
  for (const command of Object.keys(few!.roundTrips)) {
    const ratio = many!.roundTrips[command]! / few!.roundTrips[command]!;
    result.push({
      target: `scale: ${command} with 10,000 projects within 1.5× of 100`,
      value: `${ms(few!.roundTrips[command]!)} → ${ms(many!.roundTrips[command]!)} (${ratio.toFixed(2)}×)`,
      gap: ratio <= 1.5 ? '' : `missed by ${(ratio - 1.5).toFixed(2)}×`,
    });
  }
  if (kind === 'PGlite')
    result.push(
      {
        target: 'start-up to /readyz on an existing embedded database < 3 s',
        value: `${ms(e2e.startExistingMs)} (new database: ${ms(e2e.startNewMs)})`,
        gap: atMost(e2e.startExistingMs, 3000, ms),
        cause:
          'Not profiled apart from the load: spawn to ready covers Node loading the compiled server (dist/), compiling the embedded database’s and Prisma’s WASM, opening the database and re-reading the roster' +
          (postgres ? `; the same server on PostgreSQL was ready in ${ms(postgres.endToEnd.startExistingMs)}.` : '.'),
      },
      {
        target: 'idle server RSS < 400 MB',
        value: `${e2e.idleRssMiB.toFixed(0)} MiB (under load: ${e2e.loadedRssMiB.toFixed(0)} MiB)`,
        gap: atMost(e2e.idleRssMiB, 400, (value) => `${value.toFixed(0)} MiB`),
        cause: `The embedded database's WASM heap lives in the server process${postgres ? `: the same server on PostgreSQL idled at ${postgres.endToEnd.idleRssMiB.toFixed(0)} MiB` : ''}.`,
      },
    );
  else
    result.push({
      target: 'start-up to /readyz, idle server RSS (reported)',
      value: `${ms(e2e.startExistingMs)} (new database: ${ms(e2e.startNewMs)}); ${e2e.idleRssMiB.toFixed(0)} MiB idle, ${e2e.loadedRssMiB.toFixed(0)} MiB under load`,
      gap: '',
    });
  return result;
}

function profileTable(measured: Measured[], part: 'components' | 'stages'): string {
  const names = [...new Set(measured.flatMap((figures) => figures.endToEnd.profile[part].map(([name]) => name)))];
  const share = (figures: Measured, name: string) => figures.endToEnd.profile[part].find(([key]) => key === name)?.[1] ?? 0;
  return table(
    [part === 'components' ? 'component (self time)' : 'stage (nearest bot frame)', ...measured.map((figures) => figures.kind)],
    names
      .filter((name) => measured.some((figures) => share(figures, name) >= 0.005))
      .map((name) => [name, ...measured.map((figures) => pct(share(figures, name)))]),
  );
}

export async function writeReport(results: DatabaseFigures[], seconds: number): Promise<void> {
  const measured = results.filter((figures): figures is Measured => !('failed' in figures));
  const failed = results.filter((figures): figures is Extract<DatabaseFigures, { failed: string }> => 'failed' in figures);
  const postgres = measured.find((figures) => figures.kind === 'PostgreSQL');
  const all = measured.map((figures) => ({ kind: figures.kind, checks: checks(figures, postgres) }));
  // Every database's targets in order of appearance: some are one database's only (start-up, two instances).
  const targets = [...new Set(all.flatMap((entry) => entry.checks.map((check) => check.target)))];
  const cell = (check: Check | undefined) => (check ? `${check.value} — ${check.gap || 'met'}` : 'n/a');
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); every figure below comes from that one run. Issues 11 and 20 set the targets; issue 20’s each stand beside their floor.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the whole bench took ${Math.round(seconds)} s.`,
    `- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}; load average ${LOAD_AT_START.toFixed(1)} when the bench started (other work on the machine lowers every figure).`,
    `- Databases: embedded PGlite (a data directory, as \`npm start\` uses it) and ${measured.find((figures) => figures.kind === 'PostgreSQL')?.version ? `PostgreSQL ${measured.find((figures) => figures.kind === 'PostgreSQL')!.version}` : 'PostgreSQL'} started for the run (as scripts/with-postgres.sh does, fsync off).`,
    ...failed.map((figures) => `- **${figures.kind} not measured:** ${figures.failed}.`),
    '- End to end: the real server process as `npm start` runs it (dist/bot/main.js, compiled by `npm run build`), whose WECOM_API_BASE points at a fake WeCom on 127.0.0.1, driven by a load client in its own process; the floors are driven by the same client in the same run (“End to end and its floors”). Timers, digests and scale run the bot in the bench’s process.',
    '',
    '## Targets',
    '',
    table(
      ['target', ...all.map((entry) => entry.kind)],
      targets.map((target) => [target, ...all.map((entry) => cell(entry.checks.find((check) => check.target === target)))]),
    ),
    '',
    ...writeEndToEndSections(measured),
    '### Where the time goes',
    '',
    `From the loaded server's CPU profile (\`node --cpu-prof\`, bench/summarize-cpu-profile.ts) over the rounds at 8, 32 and 128 in flight (and its half of the two-instance round), as shares of its wall time. By component (the script the sampled function belongs to):`,
    '',
    profileTable(measured, 'components'),
    '',
    'By stage (the nearest bot frame on the sampled stack; work resumed from a promise, such as a database call, has none):',
    '',
    profileTable(measured, 'stages'),
    '',
    '## Gaps and their causes',
    '',
    ...all.flatMap((entry) => {
      const missed = entry.checks.filter((check) => check.gap);
      return missed.length === 0
        ? [`- ${entry.kind}: every target met.`]
        : missed.map((check) => `- ${entry.kind}, ${check.target}: ${check.gap}.${check.cause ? ` ${check.cause}` : ''}`);
    }),
    '',
    ...writePagesSection(measured.flatMap((figures) => (figures.pages ? [{ kind: figures.kind, rounds: PAGE_ROUNDS, pages: figures.pages }] : []))),
    keptSections(),
  ];
  const options = (await resolveConfig(REPORT)) ?? {};
  writeFileSync(REPORT, await format(lines.join('\n'), { ...options, filepath: REPORT }));
}

function keptSections(): string {
  const previous = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  const at = previous.indexOf(KEPT_BELOW);
  return at === -1 ? KEPT_BELOW : previous.slice(at);
}
