// One end-to-end round: the prepared callbacks sent at `concurrency` to one or more server
// processes (spread over them in turn), timed until every expected answer reached the fake WeCom,
// with the CPU each process spent meanwhile (/proc, bench/read-process-cpu.ts) and, on PostgreSQL,
// the statements it ran (pg_stat_statements). Every answer is checked delivered exactly once.
import type { FakeWecom } from './fake-wecom.js';
import { sendAll, type LoadResult, type PreparedRequest } from './load-callbacks.js';
import type { PostgresServer } from './postgres-server.js';
import { readProcessCpu } from './read-process-cpu.js';
import type { RunningServer } from './server-process.js';

export interface RoundFigures {
  concurrency: number;
  instances: number;
  load: LoadResult;
  /** From the first callback to the last answer at the fake WeCom. */
  deliveredSeconds: number;
  endToEndPerSecond: number;
  /** CPU per message in ms, by process: the bot's server(s), PostgreSQL (absent on PGlite), the load client. */
  cpuMs: { server: number; database?: number; client: number };
  /** SQL statements per message (pg_stat_statements); null when not counted. */
  statements: number | null;
  replies: { expected: number; delivered: number; duplicates: number; wrongCount: number };
}

export interface RoundOptions {
  fake: FakeWecom;
  servers: RunningServer[];
  /** The round's callbacks for a server base URL and a message index. */
  callback(base: string, index: number): PreparedRequest;
  messages: number;
  /** Answers each message's sender should get, by message index. */
  answers(index: number): { to: string; count: number };
  concurrency: number;
  postgres?: { server: PostgresServer; database: string };
}

export async function driveRound(options: RoundOptions): Promise<RoundFigures> {
  const { fake, servers, messages, concurrency, postgres } = options;
  const requests = Array.from({ length: messages }, (_, index) => options.callback(servers[index % servers.length]!.base, index));
  const want = new Map<string, number>();
  for (let index = 0; index < messages; index++) {
    const { to, count } = options.answers(index);
    want.set(to, (want.get(to) ?? 0) + count);
  }
  const expected = [...want.values()].reduce((sum, count) => sum + count, 0);
  await postgres?.server.resetStatements();
  const serverCpu = () => servers.reduce((sum, server) => sum + readProcessCpu(server.pid), 0);
  const databaseCpu = () => (postgres ? readProcessCpu(postgres.server.pid, true) : 0);
  const before = { server: serverCpu(), database: databaseCpu() };
  const baseline = fake.receipts.length;
  const load = await sendAll(requests, concurrency);
  await fake.waitFor(baseline + expected, 300_000);
  const deliveredSeconds = (fake.receipts.at(-1)!.at - load.startedAt) / 1000;
  const after = { server: serverCpu(), database: databaseCpu() };
  const statements = postgres ? await postgres.server.countStatements(postgres.database) : null;
  // A late duplicate would arrive within a second of the last answer.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const sent = fake.receipts.slice(baseline);
  const seen = new Map<string, number>();
  const perPerson = new Map<string, number>();
  for (const receipt of sent) {
    seen.set(String(receipt.outboxId), (seen.get(String(receipt.outboxId)) ?? 0) + 1);
    perPerson.set(receipt.to, (perPerson.get(receipt.to) ?? 0) + 1);
  }
  return {
    concurrency,
    instances: servers.length,
    load,
    deliveredSeconds,
    endToEndPerSecond: messages / deliveredSeconds,
    cpuMs: {
      server: (after.server - before.server) / messages,
      ...(postgres && { database: (after.database - before.database) / messages }),
      client: load.clientCpuMs / messages,
    },
    statements: statements === null ? null : statements / messages,
    replies: {
      expected,
      delivered: sent.length,
      duplicates: [...seen.values()].filter((count) => count > 1).length,
      wrongCount: [...want].filter(([to, count]) => perPerson.get(to) !== count).length,
    },
  };
}
