// Writes BENCHMARKS.md from the bench's figures: the command, the machine, the date, each target
// met or missed by how much, the ratio to the bare Koa floor, the profile by stage, and for every
// missed target its gap with the cause the profile and counters show. Formatted with prettier.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import type { DigestFigures } from './digests.js';
import { filesChecks } from './write-files-section.js';
import { CONCURRENCY, MESSAGES, PEOPLE, type EndToEndFigures } from './end-to-end.js';
import type { RoundTrips } from './scale.js';
import type { TimerFigures } from './timers.js';

export type DatabaseFigures =
  | {
      kind: 'PGlite' | 'PostgreSQL';
      version?: string;
      endToEnd: EndToEndFigures;
      timers: TimerFigures;
      scale: { projects: number; roundTrips: RoundTrips }[];
      digests: DigestFigures[];
    }
  | { kind: 'PostgreSQL'; failed: string };

type Measured = Exclude<DatabaseFigures, { failed: string }>;

interface Check {
  target: string;
  value: string;
  /** Empty when met; else how far off. */
  gap: string;
  cause?: string;
}

const LOAD_AT_START = loadavg()[0]!;
const REPORT = new URL('../BENCHMARKS.md', import.meta.url).pathname;
/** Sections measured by other commands (fault tests, bench/growth.ts) follow this line and are kept as they are. */
const KEPT_BELOW = '<!-- Below: measured by other commands, kept by npm run bench. -->';

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value).toLocaleString('en')} ms`);
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const rate = (value: number) => `${Math.round(value).toLocaleString('en')} msg/s`;

function atMost(value: number, limit: number, show: (value: number) => string): string {
  return value <= limit ? '' : `missed by ${show(value - limit)} (${(value / limit).toFixed(1)}×)`;
}

function atLeast(value: number, floor: number, show: (value: number) => string): string {
  return value >= floor ? '' : `missed by ${show(floor - value)} (${(floor / value).toFixed(1)}× short)`;
}

function checks(figures: Measured, postgres: Measured | undefined): Check[] {
  const { endToEnd: e2e, timers, scale, digests, kind } = figures;
  const target = kind === 'PGlite' ? 300 : 1000;
  const top = e2e.profile.components
    .filter(([name]) => name !== 'idle')
    .slice(0, 3)
    .map(([name, share]) => `${name} ${pct(share)}`)
    .join(', ');
  const idle = e2e.profile.components.find(([name]) => name === 'idle')?.[1] ?? 0;
  const callbackStage = e2e.profile.stages.find(([name]) => name.startsWith('callback'))?.[1] ?? 0;
  const processRate = MESSAGES / e2e.processedSeconds;
  const result: Check[] = [
    {
      target: 'end to end ≥ 300 msg/s (PGlite), ≥ 1,000 msg/s (PostgreSQL)',
      value: rate(e2e.endToEndPerSecond),
      gap: atLeast(e2e.endToEndPerSecond, target, rate),
      cause:
        `The handler stage sets the pace: all ${MESSAGES.toLocaleString('en')} were processed ${e2e.processedSeconds.toFixed(1)} s after the first callback ` +
        `(${rate(processRate)}), delivery finished ${(e2e.deliveredSeconds - e2e.processedSeconds).toFixed(1)} s later. The profile of the loaded server: ` +
        `busy ${pct(1 - idle)} of its wall time; ${top}. Events are handled up to 20 senders to a transaction (bot/app.ts); what is left per event is the ` +
        `handler's own queries, each planned by Prisma's query compiler (WebAssembly) before it reaches the database` +
        (kind === 'PGlite' ? '; PGlite runs every query on the one JavaScript thread, so the database and the Node code never overlap.' : '.'),
    },
    {
      target: 'callback p99 < 50 ms while it runs',
      value: `p50 ${ms(e2e.load.p50)}, p99 ${ms(e2e.load.p99)} (${CONCURRENCY} in flight)`,
      gap: atMost(e2e.load.p99, 50, ms),
      cause:
        `Verify, decrypt and insert themselves are ${pct(callbackStage)} of the server's wall time; a callback waits for its turn on the event loop and the database` +
        (kind === 'PGlite' ? ', which is busy with the handler transactions (one PGlite connection for everything).' : '.'),
    },
    {
      target: 'every message answered exactly once',
      value: `${e2e.replies.delivered.toLocaleString('en')} of ${e2e.replies.expected.toLocaleString('en')} answers, ${e2e.replies.duplicates} twice, ${e2e.replies.wrongCount} people with a wrong count, ${e2e.replies.unprocessed} unprocessed, ${e2e.replies.failed} failed`,
      gap:
        e2e.replies.delivered === e2e.replies.expected && e2e.replies.duplicates + e2e.replies.wrongCount + e2e.replies.unprocessed + e2e.replies.failed === 0
          ? ''
          : 'missed',
    },
  ];
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

function endToEndTable(measured: Measured[]): string {
  const rows: [string, (e2e: EndToEndFigures) => string][] = [
    ['accepted (callbacks answered)', (e2e) => rate(MESSAGES / e2e.load.seconds)],
    ['all processed', (e2e) => `${e2e.processedSeconds.toFixed(1)} s`],
    ['all delivered', (e2e) => `${e2e.deliveredSeconds.toFixed(1)} s`],
    ['end to end', (e2e) => rate(e2e.endToEndPerSecond)],
    ['callback latency p50 / p99', (e2e) => `${ms(e2e.load.p50)} / ${ms(e2e.load.p99)}`],
    ['bare Koa route, same client, same run', (e2e) => `${Math.round(e2e.floor.perSecond).toLocaleString('en')} req/s`],
    ['accepted ÷ floor', (e2e) => `${((MESSAGES / e2e.load.seconds / e2e.floor.perSecond) * 100).toFixed(1)} %`],
    ['end to end ÷ floor', (e2e) => `${((e2e.endToEndPerSecond / e2e.floor.perSecond) * 100).toFixed(1)} %`],
    ['server RSS idle / under load', (e2e) => `${e2e.idleRssMiB.toFixed(0)} / ${e2e.loadedRssMiB.toFixed(0)} MiB`],
  ];
  return table(
    ['', ...measured.map((figures) => figures.kind)],
    rows.map(([name, show]) => [name, ...measured.map((figures) => show(figures.endToEnd))]),
  );
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

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export async function writeReport(results: DatabaseFigures[], seconds: number): Promise<void> {
  const measured = results.filter((figures): figures is Measured => !('failed' in figures));
  const failed = results.filter((figures): figures is Extract<DatabaseFigures, { failed: string }> => 'failed' in figures);
  const postgres = measured.find((figures) => figures.kind === 'PostgreSQL');
  const all = measured.map((figures) => ({ kind: figures.kind, checks: checks(figures, postgres) }));
  const targets = all[0]?.checks.map((check) => check.target) ?? [];
  const cell = (check: Check | undefined) => (check ? `${check.value} — ${check.gap || 'met'}` : 'n/a');
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); every figure below comes from that one run. Issue 11 sets the targets.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the whole bench took ${Math.round(seconds)} s.`,
    `- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}; load average ${LOAD_AT_START.toFixed(1)} when the bench started (other work on the machine lowers every figure).`,
    `- Databases: embedded PGlite (a data directory, as \`npm start\` uses it) and ${measured.find((figures) => figures.kind === 'PostgreSQL')?.version ? `PostgreSQL ${measured.find((figures) => figures.kind === 'PostgreSQL')!.version}` : 'PostgreSQL'} started for the run (as scripts/with-postgres.sh does, fsync off).`,
    ...failed.map((figures) => `- **${figures.kind} not measured:** ${figures.failed}.`),
    `- End to end: ${MESSAGES.toLocaleString('en')} distinct messages (帮助 and 进度) from ${PEOPLE} people as encrypted, signed WeCom callbacks, ${CONCURRENCY} in flight, to the real server process as \`npm start\` runs it (dist/bot/main.js, compiled by \`npm run build\`), whose WECOM_API_BASE points at a fake WeCom on 127.0.0.1; the floor is a bare Koa route hit by the same client in the same run. Timers, digests and scale run the bot in the bench's process.`,
    '',
    '## Targets',
    '',
    table(
      ['target', ...all.map((entry) => entry.kind)],
      targets.map((target, index) => [target, ...all.map((entry) => cell(entry.checks.find((check) => check.target === target) ?? entry.checks[index]))]),
    ),
    '',
    '## End to end',
    '',
    endToEndTable(measured),
    '',
    '### Where the time goes',
    '',
    `From the loaded server's CPU profile (\`node --cpu-prof\`, bench/summarize-cpu-profile.ts), as shares of its wall time. By component (the script the sampled function belongs to):`,
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
