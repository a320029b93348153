// `/metrics` in the Prometheus text format (prom-client). Counters count what this process did since it
// started (Prometheus sums them over instances); gauges are read from the database at each scrape
// (prisma/read-health.ts), so every instance reports the same queue, lag and backup age — the same
// numbers `状态` gives the admin (docs/architecture.md "Metrics").
import { Counter, Gauge, Registry } from 'prom-client';
import type { Db } from '../../prisma/open-database.js';
import { readHealth } from '../../prisma/read-health.js';
import type { Clock } from '../../core/clock.js';

/** What the loops and the server report as it happens. */
export interface MetricsRecorder {
  /** A callback or pushed event: `accepted`, or refused with a short reason (duplicate, invalid, http_401 …). */
  callback(outcome: 'accepted' | 'refused', reason: string): void;
  /** One try of one outbox row: sent, retry (failed, tried again), failed (set aside) or unknown. */
  send(platform: string, outcome: 'sent' | 'retry' | 'failed' | 'unknown'): void;
  escalations(fired: number): void;
  scheduleRuns(ran: number): void;
}

export interface Metrics extends MetricsRecorder {
  contentType: string;
  render(): Promise<string>;
}

export function createMetrics(prisma: Db, clock: Clock): Metrics {
  const registry = new Registry();
  const callbacks = new Counter({
    name: 'xmgj_callbacks_total',
    help: 'Incoming callbacks and pushes, by outcome and refusal reason',
    labelNames: ['outcome', 'reason'],
    registers: [registry],
  });
  const sends = new Counter({
    name: 'xmgj_sends_total',
    help: 'Tries to send an outbox row, by platform and outcome',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const escalations = new Counter({ name: 'xmgj_escalations_total', help: 'Report-to-window escalation steps fired', registers: [registry] });
  const scheduleRuns = new Counter({ name: 'xmgj_schedule_runs_total', help: 'Scheduled digest occurrences run by this process', registers: [registry] });
  const outbox = new Gauge({
    name: 'xmgj_outbox_messages',
    help: 'Outbox rows waiting (pending) or set aside (failed), by platform',
    labelNames: ['platform', 'status'],
    registers: [registry],
  });
  const lag = new Gauge({
    name: 'xmgj_inbound_lag_seconds',
    help: 'Age of the oldest incoming event not yet processed (0 when none waits)',
    registers: [registry],
  });
  const failing = new Gauge({
    name: 'xmgj_outbox_oldest_failing_seconds',
    help: 'Age of the oldest message still to send whose last try failed (0 when none)',
    registers: [registry],
  });
  const backupAge = new Gauge({
    name: 'xmgj_last_backup_age_seconds',
    help: 'Seconds since the last backup finished, labelled with its file (absent when none was taken)',
    labelNames: ['file'],
    registers: [registry],
  });

  return {
    callback: (outcome, reason) => callbacks.inc({ outcome, reason }),
    send: (platform, outcome) => sends.inc({ platform, outcome }),
    escalations: (fired) => escalations.inc(fired),
    scheduleRuns: (ran) => scheduleRuns.inc(ran),
    contentType: registry.contentType,
    async render() {
      const now = clock.now();
      const health = await readHealth(prisma, now);
      outbox.reset();
      for (const row of health.outbox) {
        outbox.set({ platform: row.platform, status: 'pending' }, row.pending);
        outbox.set({ platform: row.platform, status: 'failed' }, row.failed);
      }
      lag.set(health.inboundLagSeconds);
      failing.set(health.failing ? secondsSince(health.failing.since, now) : 0);
      backupAge.reset();
      if (health.lastBackup) backupAge.set({ file: health.lastBackup.file }, secondsSince(health.lastBackup.at, now));
      return registry.metrics();
    },
  };
}

function secondsSince(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / 1000));
}
