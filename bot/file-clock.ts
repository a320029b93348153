// A clock every bot process on one machine reads from one file, for tests and demos of several
// instances (test/faults/week-on-three-instances.test.ts): CLOCK_FILE names a file holding an ISO
// instant such as 2026-12-07T09:00:00+08:00; the clock reads that instant plus the real time
// elapsed since the file last changed, so all processes agree and time keeps running between
// moves. Moving it (the local chat's /local/clock, or a test) replaces the file in one rename.
// Unset in production: the bot then reads the system clock (core/clock.ts).
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { MovableClock } from './local/shiftable-clock.js';

/** The instant a CLOCK_FILE holds, or null when it holds none. */
export function readClockFile(file: string): Date | null {
  const text = readFileSync(file, 'utf8').trim();
  const at = new Date(text);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(at.getTime()) ? at : null;
}

/** Replaces the file's instant in one step, so a process never reads half a file. */
export function writeClockFile(file: string, at: Date): void {
  writeFileSync(`${file}.next`, at.toISOString());
  renameSync(`${file}.next`, file);
}

export class FileClock implements MovableClock {
  private seen = { mtimeMs: Number.NaN, at: new Date(0) };

  constructor(private readonly file: string) {}

  now(): Date {
    const { mtimeMs } = statSync(this.file);
    if (mtimeMs !== this.seen.mtimeMs) {
      const at = readClockFile(this.file);
      if (!at) throw new Error(`CLOCK_FILE: ${this.file} no longer holds an instant like 2026-12-07T09:00:00+08:00`);
      this.seen = { mtimeMs, at };
    }
    return new Date(this.seen.at.getTime() + Date.now() - this.seen.mtimeMs);
  }

  moveTo(at: Date): void {
    writeClockFile(this.file, at);
  }
}
