// Runs a job every `ms`, one run at a time, and at once when kicked (e.g. after a transaction
// wrote messages to the outbox, so a reply does not wait for the next tick).
import type { Logger } from '../core/logger.js';

export interface Loop {
  kick(): void;
  stop(): Promise<void>;
}

export function runEvery(name: string, ms: number, job: () => Promise<unknown>, logger: Logger): Loop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = job()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error, loop: name }, 'loop run failed'),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, ms);
  return {
    kick: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
