// Issue 20's end-to-end targets, each beside its floor from the same run: the rate, the server's CPU
// per message against the no-Prisma ingest path's, the callback p99 at 8 in flight, every answer
// exactly once, the cost with a month of history kept, and two instances against one. A missed
// target's cause comes from the loaded server's profile (bench/summarize-cpu-profile.ts) and the
// per-process CPU and statement counts (bench/drive-round.ts).
import type { RoundFigures } from './drive-round.js';
import { CONCURRENCY, HISTORY, TWO_INSTANCES_AT, type EndToEndFigures } from './end-to-end.js';
import { atLeast, atMost, cpuMs, ms, pct, rate, type Check } from './format-report.js';

export const RATE_TARGET = { PGlite: 400, PostgreSQL: 600 } as const;

export function checkEndToEnd(kind: 'PGlite' | 'PostgreSQL', e2e: EndToEndFigures): Check[] {
  const at = (concurrency: number) => e2e.rounds.find((round) => round.concurrency === concurrency)!;
  const best = e2e.rounds.reduce((top, round) => (round.endToEndPerSecond > top.endToEndPerSecond ? round : top));
  const first = at(CONCURRENCY);
  const floor = e2e.ingestFloors.find((figures) => figures.load.concurrency === CONCURRENCY)!;
  const cpuRatio = first.cpuMs.server / floor.serverCpuMs;
  const top = e2e.profile.components
    .filter(([name]) => name !== 'idle')
    .slice(0, 3)
    .map(([name, share]) => `${name} ${pct(share)}`)
    .join(', ');
  const idle = e2e.profile.components.find(([name]) => name === 'idle')?.[1] ?? 0;
  const callbackStage = e2e.profile.stages.find(([name]) => name.startsWith('callback'))?.[1] ?? 0;
  const perProcess = (round: RoundFigures) =>
    `server ${cpuMs(round.cpuMs.server)}${round.cpuMs.database === undefined ? '' : `, PostgreSQL ${cpuMs(round.cpuMs.database)}`}, client ${cpuMs(round.cpuMs.client)}`;
  const statements = first.statements === null ? '' : ` ${first.statements.toFixed(1)} SQL statements a message (pg_stat_statements).`;
  const all = [...e2e.rounds, ...(e2e.twoInstances ? [e2e.twoInstances] : []), e2e.growth];
  const wrong = all.filter((round) => round.replies.delivered !== round.replies.expected || round.replies.duplicates + round.replies.wrongCount > 0);
  const checks: Check[] = [
    {
      target: `end to end ≥ ${RATE_TARGET.PGlite} msg/s (PGlite), ≥ ${RATE_TARGET.PostgreSQL} msg/s (PostgreSQL), best of ${e2e.rounds.map((round) => round.concurrency).join(' / ')} in flight`,
      value: `${e2e.rounds.map((round) => rate(round.endToEndPerSecond)).join(' / ')}; no-Prisma ingest floor ${e2e.ingestFloors.map((figures) => rate(figures.load.perSecond)).join(' / ')}`,
      gap: atLeast(best.endToEndPerSecond, RATE_TARGET[kind], rate),
      cause:
        `At ${best.concurrency} in flight the callbacks were answered at ${rate(best.load.perSecond)} and the last answer reached WeCom ${best.deliveredSeconds.toFixed(1)} s after the first callback. ` +
        `CPU per message at ${CONCURRENCY} in flight: ${perProcess(first)}, against the ingest floor's ${cpuMs(floor.serverCpuMs)}.${statements} ` +
        `The loaded server's profile: busy ${pct(1 - idle)} of its wall time; ${top}` +
        (kind === 'PGlite' ? '; PGlite runs every query on the one JavaScript thread, so the database and the Node code never overlap.' : '.'),
    },
    {
      target: `server CPU per message end to end ≤ 2× the no-Prisma ingest path's (${CONCURRENCY} in flight, same run)`,
      value: `${cpuMs(first.cpuMs.server)} vs ${cpuMs(floor.serverCpuMs)} (${cpuRatio.toFixed(1)}×)${
        first.cpuMs.database === undefined ? '' : `; PostgreSQL ${cpuMs(first.cpuMs.database)} vs ${cpuMs(floor.databaseCpuMs ?? 0)}`
      }`,
      gap: cpuRatio <= 2 ? '' : `missed: ${cpuRatio.toFixed(1)}×, ${cpuMs(first.cpuMs.server - 2 * floor.serverCpuMs)} a message over 2×`,
      cause: `Beyond the floor's verify, decrypt and one INSERT, a message costs the handler's transaction and its outbox row and send; by component the loaded server spent: ${top}.`,
    },
    {
      target: `callback p99 < 50 ms at ${CONCURRENCY} in flight`,
      value: `p50 ${ms(first.load.p50)}, p99 ${ms(first.load.p99)} (floor: p99 ${ms(floor.load.p99)})`,
      gap: atMost(first.load.p99, 50, ms),
      cause:
        `Verify, decrypt and insert themselves are ${pct(callbackStage)} of the server's wall time; a callback waits for its turn on the event loop and the database` +
        (kind === 'PGlite' ? ', which is busy with the handler transactions (one PGlite connection for everything).' : '.'),
    },
    {
      target: 'every message answered exactly once (every round)',
      value:
        `${all.reduce((sum, round) => sum + round.replies.delivered, 0).toLocaleString('en')} of ${all.reduce((sum, round) => sum + round.replies.expected, 0).toLocaleString('en')} answers in ${all.length} rounds, ` +
        `${all.reduce((sum, round) => sum + round.replies.duplicates, 0)} twice, ${all.reduce((sum, round) => sum + round.replies.wrongCount, 0)} people with a wrong count, ${e2e.unprocessed} unprocessed, ${e2e.failed} failed`,
      gap: wrong.length === 0 && e2e.unprocessed + e2e.failed === 0 ? '' : 'missed',
    },
  ];
  const growthRatio = first.endToEndPerSecond / e2e.growth.endToEndPerSecond;
  checks.push({
    target: `cost flat as history grows: end to end with ${HISTORY.toLocaleString('en')} processed Inbound and sent Outbox rows kept within 1.1× of an empty history (${CONCURRENCY} in flight)`,
    value: `${rate(first.endToEndPerSecond)} → ${rate(e2e.growth.endToEndPerSecond)} (${growthRatio.toFixed(2)}×); server CPU ${cpuMs(first.cpuMs.server)} → ${cpuMs(e2e.growth.cpuMs.server)} a message`,
    gap: growthRatio <= 1.1 ? '' : `missed by ${(growthRatio - 1.1).toFixed(2)}×`,
    cause: `CPU per message with the history: ${perProcess(e2e.growth)}${
      e2e.growth.statements === null ? '' : `; ${e2e.growth.statements.toFixed(1)} statements a message`
    }. The growth run restarts the server on the seeded database (bench/seed-history.ts), without ANALYZE.`,
  });
  const two = e2e.twoInstances;
  if (two) {
    const one = at(TWO_INSTANCES_AT);
    const ratio = two.endToEndPerSecond / one.endToEndPerSecond;
    checks.push({
      target: `two instances on one PostgreSQL not slower than one (${TWO_INSTANCES_AT} in flight)`,
      value: `${rate(one.endToEndPerSecond)} → ${rate(two.endToEndPerSecond)} (${ratio.toFixed(2)}×); ${twoInstancesGain(one, two)}`,
      gap: ratio >= 1 ? '' : `missed: ${ratio.toFixed(2)}× of one`,
      cause: `Both servers, PostgreSQL and the client share the machine's cores: CPU per message with two: ${perProcess(two)}; with one: ${perProcess(one)}.`,
    });
  }
  return checks;
}

/** With cores to spare each server is bound by its own CPU per message: what a second one would add. */
export function twoInstancesGain(one: RoundFigures, two: RoundFigures): string {
  const gain = (2 * one.cpuMs.server) / two.cpuMs.server;
  return `server CPU per message ${cpuMs(one.cpuMs.server)} with one, ${cpuMs(two.cpuMs.server)} with two (both together), so with a core each they would carry up to ${gain.toFixed(1)}× of one`;
}
