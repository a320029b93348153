// npm run bench — the targets that matter to a county IT office, measured on the real server
// through the local chat (no mocks): start-up to ready (target: warm ≤ 5 s), a command's round
// trip, the report-to-window escalation arriving ≤ 5 s after it is due and exactly once
// (POLICY_FILE with ackTimeoutMinutes 0.05), and the server's memory. Exits 1 if a target is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Delivery {
  recipient: string;
  text: string;
  at: number;
}

const dir = mkdtempSync(join(tmpdir(), 'xmgj-bench-'));
const policyFile = join(dir, 'policy.json');
writeFileSync(policyFile, JSON.stringify({ ackTimeoutMinutes: 0.05, secondEscalationMinutes: 0.5, officeHours: 'always' }));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const results: { what: string; value: string; target: string; ok: boolean }[] = [];

function startServer(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: join(dir, 'data'), POLICY_FILE: policyFile, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function timeToReady(): Promise<{ server: ChildProcess; ms: number }> {
  const started = performance.now();
  const server = startServer();
  for (;;) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { server, ms: performance.now() - started };
    if (performance.now() - started > 60_000) throw new Error('the server did not become ready within 60 s');
    await sleep(25);
  }
}

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

const cold = await timeToReady();
results.push({ what: 'start-up, new database (initdb + migrations)', value: `${cold.ms.toFixed(0)} ms`, target: 'informational', ok: true });
await stop(cold.server);
const warm = await timeToReady();
results.push({ what: 'start-up, existing database', value: `${warm.ms.toFixed(0)} ms`, target: '≤ 5000 ms', ok: warm.ms <= 5000 });
const server = warm.server;

const deliveries: Delivery[] = [];
const stream = await fetch(`${base}/local/messages`);
void (async () => {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of stream.body!) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (frame.startsWith('data: ')) deliveries.push({ ...(JSON.parse(frame.slice(6)) as Delivery), at: performance.now() });
    }
  }
})().catch(() => undefined);

async function say(as: string, text: string): Promise<Delivery> {
  const from = deliveries.length;
  const sent = performance.now();
  await fetch(`${base}/local/say`, { method: 'POST', body: JSON.stringify({ as, text }) });
  return waitFor((delivery) => delivery.recipient === as, from, 10_000, sent);
}

async function waitFor(match: (delivery: Delivery) => boolean, from: number, timeoutMs: number, since = performance.now()): Promise<Delivery> {
  for (;;) {
    const found = deliveries.slice(from).find(match);
    if (found) return found;
    if (performance.now() - since > timeoutMs) throw new Error('expected message did not arrive');
    await sleep(10);
  }
}

// Ten people, three each: the outbox paces each person to 20 messages a minute, as WeCom needs.
const people = ['window', 'office', 'invest', 'admin', 'inspect', 'leader.a', 'leader.b', 'leader.main', 'zrzy.agent', 'zjj.agent'];
const roundTrips: number[] = [];
for (let i = 0; i < 30; i += 1) {
  const sent = performance.now();
  const reply = await say(people[i % people.length]!, '帮助');
  roundTrips.push(reply.at - sent);
}
roundTrips.sort((a, b) => a - b);
const p95 = roundTrips[Math.floor(roundTrips.length * 0.95)]!;
results.push({
  what: '帮助 round trip (chat → reply), p50 / p95 of 30',
  value: `${roundTrips[15]!.toFixed(0)} / ${p95.toFixed(0)} ms`,
  target: 'p95 ≤ 1000 ms',
  ok: p95 <= 1000,
});

// The report-to-window timer: one card to 生态环境局, nobody reports, its 责任领导 is told.
const registered = await say(
  'window',
  '登记项目\n名称：基准测试光伏项目\n投资：3.5亿\n行业：新能源\n企业：基准公司\n联系人：张三 13800000000\n包抓领导：县领导甲\n签约日期：2026-11-02\n建设内容：光伏组件',
);
const project = /P(\d+)/.exec(registered.text)?.[0];
if (!project) throw new Error(`registration failed: ${registered.text}`);
for (const command of [`受理 ${project}`, `组建团队 ${project} 领导 县领导甲 部门 生态环境局`, `方案 ${project}`]) await say('window', command);
const before = deliveries.length;
await say('window', `派单 ${project} 环评`);
const card = await waitFor((delivery) => delivery.recipient === 'sthj.agent', before, 10_000);
const due = card.at + 0.05 * 60_000;
const escalation = await waitFor((delivery) => delivery.recipient === 'sthj.leader' && delivery.at > due - 1000, before, 30_000);
const late = escalation.at - due;
await sleep(8_000);
const leaderCopies = deliveries.slice(before).filter((delivery) => delivery.recipient === 'sthj.leader' && delivery.at > due - 1000).length;
results.push({ what: 'escalation after due (ackTimeoutMinutes 0.05)', value: `${late.toFixed(0)} ms`, target: '≤ 5000 ms', ok: late <= 5000 });
results.push({ what: 'escalations to the unit leader per step', value: String(leaderCopies), target: 'exactly 1', ok: leaderCopies === 1 });

const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]);
results.push({ what: 'server memory (RSS) after the run', value: `${(rssKb / 1024).toFixed(0)} MiB`, target: '≤ 512 MiB', ok: rssKb / 1024 <= 512 });

await stop(server);
rmSync(dir, { recursive: true, force: true });
console.table(results.map(({ what, value, target, ok }) => ({ what, value, target, result: ok ? 'ok' : 'MISSED' })));
process.exit(results.every((result) => result.ok) ? 0 : 1);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
