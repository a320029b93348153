// Keeps one Stream-mode connection open for as long as the bot runs (Stream 模式协议): the
// server's `disconnect` frame → destroy the socket and open a new one at once; a close or a
// failed attempt → retry with exponential backoff and jitter (so many instances do not storm the
// gateway together); a socket silent for `silentAfterMs` (no frame, no pong to our pings) →
// destroy it and reconnect. The old socket is always destroyed before a new one opens, so one
// instance never holds two connections that split the pushes between them.
import type { DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from '../../core/logger.js';
import { openStreamClient, type StreamClient } from './open-stream-client.js';

export interface KeepConnectedOptions {
  clientId: string;
  clientSecret: string;
  logger: Logger;
  /** Each acked push, in order of arrival. */
  onPush(frame: DWClientDownStream): void;
  now?: () => number;
  random?: () => number;
  /** Backoff of the n-th failed attempt: min(maxMs, baseMs·2ⁿ), then 50–100 % of it. */
  backoff?: { baseMs: number; maxMs: number };
  silentAfterMs?: number;
  /** How long the connection may be down before health() reports it. */
  downAlertMs?: number;
}

const STABLE_AFTER_MS = 30_000;

export interface StreamConnection {
  start(): void;
  stop(): void;
  /** A problem for /readyz, or null. */
  health(): string | null;
}

export function keepStreamConnected(options: KeepConnectedOptions): StreamConnection {
  const { logger, now = Date.now, random = Math.random } = options;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
  const silentAfterMs = options.silentAfterMs ?? 90_000;
  const downAlertMs = options.downAlertMs ?? 60_000;

  let running = false;
  let current: StreamClient | null = null;
  let connecting = false;
  let failures = 0;
  let lastAlive = 0;
  let openedAt = 0;
  let downSince: number | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let watchdog: NodeJS.Timeout | null = null;

  function markDown(): void {
    downSince ??= now();
  }

  function drop(reason: string): void {
    const old = current;
    current = null;
    markDown();
    if (old) {
      logger.warn({ reason }, 'dingtalk stream connection dropped');
      old.destroy();
    }
  }

  function schedule(delayMs: number): void {
    if (!running || retryTimer || connecting) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delayMs);
  }

  function nextDelay(): number {
    const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** failures);
    failures += 1;
    return Math.round(ceiling * (0.5 + random() * 0.5));
  }

  async function connect(): Promise<void> {
    if (!running || connecting || current) return;
    connecting = true;
    let opened: StreamClient | null = null;
    try {
      opened = await openStreamClient(
        { clientId: options.clientId, clientSecret: options.clientSecret },
        {
          onAlive: () => {
            if (opened && current === opened) lastAlive = now();
          },
          onDisconnectFrame: () => {
            if (!opened || current !== opened) return;
            logger.info('dingtalk stream server asked to reconnect');
            drop('disconnect frame');
            failures = 0;
            schedule(0);
          },
          onCallback: (frame) => options.onPush(frame),
          onClose: () => {
            if (!opened || current !== opened) return;
            // Only a connection that held resets the backoff: one closed at once (a refused
            // ticket, a connection limit) must not become a tight reconnect loop.
            if (now() - openedAt >= STABLE_AFTER_MS) failures = 0;
            drop('socket closed');
            const delay = nextDelay();
            logger.info({ retryInMs: delay }, 'dingtalk stream reconnecting');
            schedule(delay);
          },
        },
      );
    } catch (error) {
      connecting = false;
      markDown();
      const delay = nextDelay();
      logger.warn({ error: (error as Error).message, retryInMs: delay }, 'dingtalk stream connection failed');
      schedule(delay);
      return;
    }
    connecting = false;
    if (!running) {
      opened.destroy();
      return;
    }
    current = opened;
    lastAlive = openedAt = now();
    if (downSince !== null) logger.info({ downForMs: now() - downSince }, 'dingtalk stream connected');
    downSince = null;
  }

  function check(): void {
    if (!current) return;
    if (now() - lastAlive > silentAfterMs) {
      drop(`silent for more than ${silentAfterMs} ms`);
      schedule(0);
      return;
    }
    current.ping();
  }

  return {
    start() {
      if (running) return;
      running = true;
      markDown();
      watchdog = setInterval(check, Math.max(50, Math.floor(silentAfterMs / 3)));
      watchdog.unref();
      void connect();
    },
    stop() {
      running = false;
      if (retryTimer) clearTimeout(retryTimer);
      if (watchdog) clearInterval(watchdog);
      retryTimer = watchdog = null;
      const old = current;
      current = null;
      old?.destroy();
      downSince = null;
    },
    health() {
      if (!running || downSince === null) return null;
      const downMs = now() - downSince;
      return downMs > downAlertMs ? `dingtalk stream connection down for ${Math.round(downMs / 1000)} s` : null;
    },
  };
}
