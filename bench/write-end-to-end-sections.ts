// BENCHMARKS.md's end-to-end sections (issue 20): each round beside its floors with the CPU per
// message of every process and the SQL statements per message, the run with a month of history,
// and two instances against one on PostgreSQL.
import type { RoundFigures } from './drive-round.js';
import { CONCURRENCY, FLOOR_REQUESTS, HISTORY, MESSAGES, PEOPLE, TWO_INSTANCES_AT, type EndToEndFigures } from './end-to-end.js';
import { twoInstancesGain } from './check-end-to-end.js';
import { cpuMs, ms, rate, table } from './format-report.js';

interface Measured {
  kind: 'PGlite' | 'PostgreSQL';
  endToEnd: EndToEndFigures;
}

const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;

/** One row a figure, one column a database and concurrency. */
function roundsTable(measured: Measured[]): string {
  const columns = measured.flatMap(({ kind, endToEnd }) => endToEnd.rounds.map((round, index) => ({ kind, endToEnd, round, index })));
  const rows: [string, (column: (typeof columns)[number]) => string][] = [
    [
      'bare Koa route (req/s; its CPU a request)',
      ({ endToEnd, index }) => `${perSecond(endToEnd.bareFloors[index]!.load.perSecond)}; ${cpuMs(endToEnd.bareFloors[index]!.serverCpuMs)}`,
    ],
    ['no-Prisma ingest floor (msg/s)', ({ endToEnd, index }) => rate(endToEnd.ingestFloors[index]!.load.perSecond)],
    [
      'its CPU a message: server / PostgreSQL',
      ({ endToEnd, index }) => {
        const floor = endToEnd.ingestFloors[index]!;
        return `${cpuMs(floor.serverCpuMs)}${floor.databaseCpuMs === undefined ? '' : ` / ${cpuMs(floor.databaseCpuMs)}`}`;
      },
    ],
    ['whole app: callbacks answered', ({ round }) => rate(round.load.perSecond)],
    ['whole app: end to end (last answer delivered)', ({ round }) => rate(round.endToEndPerSecond)],
    ['callback p50 / p99', ({ round }) => `${ms(round.load.p50)} / ${ms(round.load.p99)}`],
    ['CPU a message: server', ({ round }) => cpuMs(round.cpuMs.server)],
    ['CPU a message: PostgreSQL', ({ round }) => (round.cpuMs.database === undefined ? 'in the server' : cpuMs(round.cpuMs.database))],
    ['CPU a message: load client', ({ round }) => cpuMs(round.cpuMs.client)],
    ['SQL statements a message', ({ round }) => (round.statements === null ? 'not counted' : round.statements.toFixed(1))],
    ['server CPU ÷ ingest floor’s', ({ endToEnd, round, index }) => `${(round.cpuMs.server / endToEnd.ingestFloors[index]!.serverCpuMs).toFixed(1)}×`],
    [
      'end to end ÷ ingest floor',
      ({ endToEnd, round, index }) => `${((round.endToEndPerSecond / endToEnd.ingestFloors[index]!.load.perSecond) * 100).toFixed(0)} %`,
    ],
  ];
  return table(
    ['', ...columns.map(({ kind, round }) => `${kind}, ${round.concurrency} in flight`)],
    rows.map(([name, show]) => [name, ...columns.map(show)]),
  );
}

function compareTable(header: [string, string], pairs: { kind: string; before: RoundFigures; after: RoundFigures }[]): string {
  const rows: [string, (round: RoundFigures) => string][] = [
    ['end to end', (round) => rate(round.endToEndPerSecond)],
    ['callbacks answered', (round) => rate(round.load.perSecond)],
    ['callback p50 / p99', (round) => `${ms(round.load.p50)} / ${ms(round.load.p99)}`],
    ['CPU a message: server(s)', (round) => cpuMs(round.cpuMs.server)],
    ['CPU a message: PostgreSQL', (round) => (round.cpuMs.database === undefined ? 'in the server' : cpuMs(round.cpuMs.database))],
    ['SQL statements a message', (round) => (round.statements === null ? 'not counted' : round.statements.toFixed(1))],
  ];
  return table(
    ['', ...pairs.flatMap(({ kind }) => [`${kind}, ${header[0]}`, `${kind}, ${header[1]}`])],
    rows.map(([name, show]) => [name, ...pairs.flatMap(({ before, after }) => [show(before), show(after)])]),
  );
}

export function writeEndToEndSections(measured: Measured[]): string[] {
  const postgres = measured.find(({ endToEnd }) => endToEnd.twoInstances);
  return [
    '## End to end and its floors',
    '',
    `Each round: ${MESSAGES.toLocaleString('en')} distinct messages (帮助 and 进度) from ${PEOPLE} people as encrypted, signed WeCom callbacks to the real server process as \`npm start\` runs it, timed from the first callback to the last answer at the fake WeCom. ` +
      'The load client is a process of its own (bench/load-client.ts: keep-alive connections, requests serialised before the clock starts), and drives the floors the same way in the same run: ' +
      `a bare Koa route (bench/bare-koa.ts, ${FLOOR_REQUESTS.toLocaleString('en')} requests at each concurrency) and the no-Prisma ingest path (bench/ingest-floor-server.ts: verify, decrypt, one INSERT straight to the driver into the same Inbound table, ${MESSAGES.toLocaleString('en')} callbacks at each concurrency). ` +
      'CPU per message is each process’s user + system time from /proc over the round (bench/read-process-cpu.ts; PostgreSQL: the postmaster and all its children), divided by the messages.',
    '',
    roundsTable(measured),
    '',
    '## Cost as history grows',
    '',
    `The round at ${CONCURRENCY} in flight again after ${HISTORY.toLocaleString('en')} processed Inbound rows and ${HISTORY.toLocaleString('en')} sent Outbox rows from the same ${PEOPLE} people over 30 days were added (bench/seed-history.ts), the server restarted on that database.`,
    '',
    compareTable(
      ['empty', `${HISTORY.toLocaleString('en')} kept`],
      measured.map(({ kind, endToEnd }) => ({ kind, before: endToEnd.rounds.find((round) => round.concurrency === CONCURRENCY)!, after: endToEnd.growth })),
    ),
    '',
    ...(postgres
      ? (() => {
          const one = postgres.endToEnd.rounds.find((round) => round.concurrency === TWO_INSTANCES_AT)!;
          const two = postgres.endToEnd.twoInstances!;
          return [
            '## Two instances on one PostgreSQL',
            '',
            `The round at ${TWO_INSTANCES_AT} in flight spread over two server processes on the same database, callbacks alternating between them; the machine’s cores are shared by both, PostgreSQL and the client. ${twoInstancesGain(one, two)}.`,
            '',
            compareTable(['one instance', 'two instances'], [{ kind: 'PostgreSQL', before: one, after: two }]),
            '',
          ];
        })()
      : []),
  ];
}
