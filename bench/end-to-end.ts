// End to end through the real server process: 2,000 distinct messages from 500 people as encrypted,
// signed WeCom callbacks → Inbound → handler → Outbox → the fake WeCom on 127.0.0.1. Also the
// start-up figures (new and existing database, idle memory) of that server, and the bare Koa
// floor in the same run. The loaded server runs under --cpu-prof for the profile by stage.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALLBACK_PATH } from '../bot/wecom/create-wecom-router.js';
import { openDatabase } from '../prisma/open-database.js';
import { encryptCallback, fixture } from '../test/bot/wecom/wecom-fixtures.js';
import { startFakeWecom, type FakeWecom } from './fake-wecom.js';
import { sendAll, type LoadResult } from './load-callbacks.js';
import { measureFloor } from './measure-floor.js';
import { startServer } from './server-process.js';
import { summarizeCpuProfile, type ProfileSummary } from './summarize-cpu-profile.js';

export const MESSAGES = 2000;
export const PEOPLE = 500;
/** Callbacks in flight at once: WeCom's servers call back over a handful of connections. */
export const CONCURRENCY = 8;
const COMMANDS = ['帮助', '进度'];
const DEMO_ROSTER = fileURLToPath(new URL('../bot/roster/demo-roster.csv', import.meta.url));

export interface EndToEndFigures {
  startNewMs: number;
  startExistingMs: number;
  idleRssMiB: number;
  load: LoadResult;
  processedSeconds: number;
  deliveredSeconds: number;
  endToEndPerSecond: number;
  floor: LoadResult;
  replies: { expected: number; delivered: number; duplicates: number; unprocessed: number; failed: number; wrongCount: number };
  loadedRssMiB: number;
  profile: ProfileSummary;
}

/** Called around the measured load (after the pilot and the floor, before the server stops): bench/end-to-end-alone.ts counts statements with them. */
export interface LoadHooks {
  beforeLoad?(): Promise<void>;
  afterLoad?(): Promise<void>;
}

export async function benchEndToEnd(location: string, workDir: string, hooks: LoadHooks = {}): Promise<EndToEndFigures> {
  mkdirSync(workDir, { recursive: true });
  const rosterFile = join(workDir, 'roster.csv');
  const people = Array.from({ length: PEOPLE + 1 }, (_, index) => `bench${String(index).padStart(3, '0')}`);
  writeFileSync(
    rosterFile,
    `${readFileSync(DEMO_ROSTER, 'utf8').trimEnd()}\n${people.map((id) => `基准${id},${id},市发展和改革委员会,代办员,,`).join('\n')}\n`,
  );
  const fake = await startFakeWecom();
  const options = { database: location, wecomApiBase: fake.apiBase, rosterFile };
  try {
    const fresh = await startServer(options);
    await fresh.stop();
    const existing = await startServer(options);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idleRssMiB = existing.rssMiB();
    await existing.stop();

    const profileDir = join(workDir, 'profile');
    const server = await startServer({ ...options, cpuProfDir: profileDir });
    const callbackUrl = `${server.base}${CALLBACK_PATH}`;
    let serial = 0;
    const callback = (from: string, text: string) => {
      serial += 1;
      const xml = fixture('text-message.xml')
        .replace(/<FromUserName>.*<\/FromUserName>/, `<FromUserName><![CDATA[${from}]]></FromUserName>`)
        .replace(/<Content>.*<\/Content>/, `<Content><![CDATA[${text}]]></Content>`)
        .replace(/<MsgId>.*<\/MsgId>/, `<MsgId>${9_000_000_000_000_000 + serial}</MsgId>`)
        .replace(/<CreateTime>.*<\/CreateTime>/, `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>`);
      const { query, body } = encryptCallback(xml, { timestamp: String(Math.floor(Date.now() / 1000)), nonce: String(serial) });
      return { url: `${callbackUrl}?${new URLSearchParams(query)}`, body };
    };
    // The pilot: how many messages each command's answer takes (a long one is split).
    const perCommand = new Map<string, number>();
    for (const command of COMMANDS) {
      const before = fake.receipts.length;
      await sendAll([callback(people[0]!, command)], 1);
      await settle(fake, before);
      perCommand.set(command, fake.receipts.length - before);
    }
    const requests = Array.from({ length: MESSAGES }, (_, index) => callback(people[1 + (index % PEOPLE)]!, COMMANDS[index % COMMANDS.length]!));
    const expected = requests.reduce((sum, _, index) => sum + perCommand.get(COMMANDS[index % COMMANDS.length]!)!, 0);
    log(`pilot: ${[...perCommand].map(([command, count]) => `${command} → ${count}`).join(', ')}; measuring the floor`);
    const floor = await measureFloor(MESSAGES, CONCURRENCY);

    await hooks.beforeLoad?.();
    const baseline = fake.receipts.length;
    const started = Date.now();
    let loadedRssMiB = 0;
    const sampler = setInterval(() => (loadedRssMiB = Math.max(loadedRssMiB, server.rssMiB())), 250);
    const load = await sendAll(requests, CONCURRENCY);
    log(`accepted ${MESSAGES} in ${load.seconds.toFixed(1)} s; waiting for ${expected} answers`);
    await fake.waitFor(baseline + expected, 300_000).finally(() => clearInterval(sampler));
    const deliveredSeconds = (fake.receipts.at(-1)!.at - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await hooks.afterLoad?.();
    await server.stop();

    const database = await openDatabase(location);
    try {
      const inbound = await database.prisma.$queryRaw<{ last: Date; unprocessed: bigint; failed: bigint }[]>`
        SELECT max("processedAt") AS last, count(*) FILTER (WHERE "processedAt" IS NULL) AS unprocessed, count("failedAt") AS failed FROM "Inbound"`;
      // Each person sent messagesPer commands; each answer must have reached them exactly once.
      const sent = fake.receipts.slice(baseline);
      const seen = new Map<string, number>();
      for (const receipt of sent) seen.set(String(receipt.outboxId), (seen.get(String(receipt.outboxId)) ?? 0) + 1);
      const perPerson = new Map<string, number>();
      for (const receipt of sent) perPerson.set(receipt.to, (perPerson.get(receipt.to) ?? 0) + 1);
      const want = expected / PEOPLE;
      return {
        startNewMs: fresh.readyMs,
        startExistingMs: existing.readyMs,
        idleRssMiB,
        load,
        processedSeconds: (inbound[0]!.last.getTime() - started) / 1000,
        deliveredSeconds,
        endToEndPerSecond: MESSAGES / deliveredSeconds,
        floor,
        replies: {
          expected,
          delivered: sent.length,
          duplicates: [...seen.values()].filter((count) => count > 1).length,
          unprocessed: Number(inbound[0]!.unprocessed),
          failed: Number(inbound[0]!.failed),
          wrongCount: people.slice(1).filter((id) => perPerson.get(id) !== want).length,
        },
        loadedRssMiB,
        profile: summarizeCpuProfile(join(profileDir, readdirSync(profileDir)[0]!)),
      };
    } finally {
      await database.close();
    }
  } finally {
    await fake.close();
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
