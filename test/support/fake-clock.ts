// A clock tests move by hand, so a 30-minute rule is tested without waiting 30 minutes.
import type { Clock } from '../../core/clock.js';

export class FakeClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  moveTo(at: Date): void {
    this.set(at);
  }

  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}
