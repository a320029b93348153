// The one clock the bot reads. Tests pass a clock they can move (test/support/fake-clock.ts).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
