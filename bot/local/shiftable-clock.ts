// The local chat's clock: the system clock, moved by `npm run chat -- --clock "2026-12-01 09:00"`
// so the digests due then are sent. Time keeps running from the moved point. Never used with a
// chat platform configured (bot/main.ts).
import type { Clock } from '../../core/clock.js';

/** A clock the local chat may move. */
export interface MovableClock extends Clock {
  moveTo(at: Date): void;
}

export class ShiftableClock implements MovableClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  moveTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
