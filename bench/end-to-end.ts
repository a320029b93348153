// End to end through the real server process: distinct messages from 500 people as encrypted,
// signed WeCom callbacks → Inbound → handler → Outbox → the fake WeCom on 127.0.0.1, at 8, 32 and
// 128 in flight (bench/drive-round.ts); then, on PostgreSQL, the same load over two server
// processes; then the run again with a month of history kept (bench/seed-history.ts). Also the
// start-up figures (new and existing database, idle memory) and, in the same run, the floors: a
// bare Koa route and the no-Prisma ingest path (bench/measure-floor.ts, bench/measure-ingest-floor.ts).
// The first loaded server runs under --cpu-prof for the profile by stage.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALLBACK_PATH } from '../bot/wecom/create-wecom-router.js';
import { openDatabase } from '../prisma/open-database.js';
import { encryptCallback, fixture } from '../test/bot/wecom/wecom-fixtures.js';
import { driveRound, type RoundFigures } from './drive-round.js';
import { startFakeWecom, type FakeWecom } from './fake-wecom.js';
import { sendAll, type PreparedRequest } from './load-callbacks.js';
import { measureFloor, type BareFloor } from './measure-floor.js';
import { measureIngestFloor, type FloorFigures } from './measure-ingest-floor.js';
import type { PostgresServer } from './postgres-server.js';
import { seedHistory } from './seed-history.js';
import { startServer, type RunningServer } from './server-process.js';
import { summarizeCpuProfile, type ProfileSummary } from './summarize-cpu-profile.js';

/** Messages a round: 2,000 keeps the whole bench near 10 minutes on an idle 2-core machine. */
export const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
export const PEOPLE = 500;
/** Callbacks in flight at once: WeCom's servers call back over a handful of connections (8); 32 and 128 press harder. */
export const CONCURRENCY = 8;
export const CONCURRENCIES = [8, 32, 128];
/** The two-instance round's concurrency (its one-instance twin is the round at the same concurrency). */
export const TWO_INSTANCES_AT = 32;
/** A month of a busy county: processed Inbound rows and sent Outbox rows kept (30-day retention). */
export const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
/** Requests to the bare Koa route at each concurrency. */
export const FLOOR_REQUESTS = Number(process.env.BENCH_FLOOR_REQUESTS ?? 10_000);
const COMMANDS = ['帮助', '进度'];
const DEMO_ROSTER = fileURLToPath(new URL('../bot/roster/demo-roster.csv', import.meta.url));

export interface EndToEndFigures {
  startNewMs: number;
  startExistingMs: number;
  idleRssMiB: number;
  loadedRssMiB: number;
  /** At CONCURRENCIES, one server, no history. */
  rounds: RoundFigures[];
  /** PostgreSQL only: two server processes on one database at TWO_INSTANCES_AT. */
  twoInstances?: RoundFigures;
  /** At CONCURRENCY with HISTORY rows kept. */
  growth: RoundFigures;
  bareFloors: BareFloor[];
  ingestFloors: FloorFigures[];
  unprocessed: number;
  failed: number;
  profile: ProfileSummary;
}

/**
 * The same 500 people in every round: 4 messages each a round and 1 in each warm-up stay under WeCom's
 * 30 a minute per member, which the outbox enforces (bot/outbox/claim-due-rows.ts); a larger roster would slow
 * every start-up, which re-reads it.
 */
const person = (index: number) => `bench${String(index + 1).padStart(3, '0')}`;

export async function benchEndToEnd(location: string, workDir: string, floorLocation: string, postgres?: PostgresServer): Promise<EndToEndFigures> {
  mkdirSync(workDir, { recursive: true });
  const rosterFile = join(workDir, 'roster.csv');
  const people = Array.from({ length: PEOPLE }, (_, index) => person(index));
  writeFileSync(
    rosterFile,
    `${readFileSync(DEMO_ROSTER, 'utf8').trimEnd()}\n${['bench-pilot', ...people].map((id) => `基准${id},${id},市发展和改革委员会,代办员,,`).join('\n')}\n`,
  );
  const fake = await startFakeWecom();
  const options = { database: location, wecomApiBase: fake.apiBase, rosterFile };
  const statements = postgres && { server: postgres, database: new URL(location).pathname.slice(1) };
  let serial = 0;
  const callback = (base: string, from: string, text: string): PreparedRequest => {
    serial += 1;
    const xml = fixture('text-message.xml')
      .replace(/<FromUserName>.*<\/FromUserName>/, `<FromUserName><![CDATA[${from}]]></FromUserName>`)
      .replace(/<Content>.*<\/Content>/, `<Content><![CDATA[${text}]]></Content>`)
      .replace(/<MsgId>.*<\/MsgId>/, `<MsgId>${9_000_000_000_000_000 + serial}</MsgId>`)
      .replace(/<CreateTime>.*<\/CreateTime>/, `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>`);
    const { query, body } = encryptCallback(xml, { timestamp: String(Math.floor(Date.now() / 1000)), nonce: String(serial) });
    return { url: `${base}${CALLBACK_PATH}?${new URLSearchParams(query)}`, body };
  };
  try {
    const fresh = await startServer(options);
    await fresh.stop();
    const existing = await startServer(options);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idleRssMiB = existing.rssMiB();
    await existing.stop();

    // The floors first, so the profiled server's wall time is the rounds'.
    log('measuring the floors');
    const bareFloors = await measureFloor(FLOOR_REQUESTS, CONCURRENCIES);
    const floorCallbacks = (count: number) => (base: string) =>
      Array.from({ length: count }, (_, index) => callback(base, person(index % PEOPLE), COMMANDS[index % COMMANDS.length]!));
    const ingestFloors = await measureIngestFloor(floorLocation, floorCallbacks(MESSAGES), CONCURRENCIES, floorCallbacks(PEOPLE), postgres?.pid);

    const profileDir = join(workDir, 'profile');
    let server = await startServer({ ...options, cpuProfDir: profileDir });
    // The pilot: how many messages each command's answer takes (a long one is split).
    const perCommand = new Map<string, number>();
    for (const command of COMMANDS) {
      const before = fake.receipts.length;
      await sendAll([callback(server.base, 'bench-pilot', command)], 1);
      await settle(fake, before);
      perCommand.set(command, fake.receipts.length - before);
    }
    log(`pilot: ${[...perCommand].map(([command, count]) => `${command} → ${count}`).join(', ')}`);
    let round = 0;
    const drive = (servers: RunningServer[], concurrency: number, messages = MESSAGES) => {
      const at = round++;
      log(`round ${at}: ${messages} messages, ${concurrency} in flight, ${servers.length} server${servers.length > 1 ? 's' : ''}`);
      return driveRound({
        fake,
        servers,
        messages,
        concurrency,
        callback: (base, index) => callback(base, person(index % PEOPLE), COMMANDS[index % COMMANDS.length]!),
        answers: (index) => ({ to: person(index % PEOPLE), count: perCommand.get(COMMANDS[index % COMMANDS.length]!)! }),
        ...(statements && { postgres: statements }),
      });
    };
    // A new server process's first messages run cold code (V8 compiles as it goes): one unmeasured message a person first.
    const warmUp = (servers: RunningServer[]) => drive(servers, CONCURRENCY, PEOPLE);
    let loadedRssMiB = 0;
    const sampler = setInterval(() => (loadedRssMiB = Math.max(loadedRssMiB, server.rssMiB())), 250);
    const rounds: RoundFigures[] = [];
    let twoInstances: RoundFigures | undefined;
    try {
      await warmUp([server]);
      for (const concurrency of CONCURRENCIES) rounds.push(await drive([server], concurrency));
      if (postgres) {
        const second = await startServer(options);
        try {
          await warmUp([server, second]);
          twoInstances = await drive([server, second], TWO_INSTANCES_AT);
        } finally {
          await second.stop();
        }
      }
    } finally {
      clearInterval(sampler);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.stop();

    log(`seeding ${HISTORY.toLocaleString('en')} processed Inbound and sent Outbox rows`);
    const database = await openDatabase(location);
    try {
      await seedHistory(database.prisma, {
        rows: HISTORY,
        platform: 'wecom',
        people: { prefix: 'bench', first: 1, count: PEOPLE, pad: 3 },
        now: new Date(),
      });
    } finally {
      await database.close();
    }
    server = await startServer(options);
    let growth: RoundFigures;
    try {
      await warmUp([server]);
      growth = await drive([server], CONCURRENCY);
    } finally {
      await server.stop();
    }
    const { unprocessed, failed } = await countLeftOver(location);
    return {
      startNewMs: fresh.readyMs,
      startExistingMs: existing.readyMs,
      idleRssMiB,
      loadedRssMiB,
      rounds,
      ...(twoInstances && { twoInstances }),
      growth,
      bareFloors,
      ingestFloors,
      unprocessed,
      failed,
      profile: summarizeCpuProfile(join(profileDir, readdirSync(profileDir)[0]!)),
    };
  } finally {
    await fake.close();
  }
}

/** Inbound rows of every round left unprocessed or set aside as failed. */
async function countLeftOver(location: string): Promise<{ unprocessed: number; failed: number }> {
  const database = await openDatabase(location);
  try {
    const [counts] = await database.prisma.$queryRaw<{ unprocessed: bigint; failed: bigint }[]>`
      SELECT count(*) FILTER (WHERE "processedAt" IS NULL) AS unprocessed, count("failedAt") AS failed FROM "Inbound"`;
    return { unprocessed: Number(counts!.unprocessed), failed: Number(counts!.failed) };
  } finally {
    await database.close();
  }
}

export function log(line: string): void {
  console.error(`bench: ${line}`);
}

/** Waits until no new message arrived for half a second (at least one, at most 10 s). */
async function settle(fake: FakeWecom, before: number): Promise<void> {
  await fake.waitFor(before + 1, 10_000);
  for (let count = -1; count !== fake.receipts.length;) {
    count = fake.receipts.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
