// CPU time of a process from /proc/<pid>/stat (proc(5): utime, stime, cutime, cstime in clock
// ticks, 100 a second on Linux), in ms. With `tree`, the process's waited-for children and its
// live children are added: a PostgreSQL postmaster's backends and background workers.
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10;

function fields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

export function readProcessCpu(pid: number, tree = false): number {
  const own = fields(pid);
  if (!own) return 0;
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let ticks = Number(own[11]) + Number(own[12]);
  if (tree) {
    ticks += Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = fields(Number(entry));
      if (child && Number(child[1]) === pid) ticks += Number(child[11]) + Number(child[12]);
    }
  }
  return ticks * TICK_MS;
}
