// Ages on the status card ("已派单 45 分钟", "办理中 3 天"), in wall-clock time.

/**
 * @example formatDuration(45 * 60_000) // '45 分钟'
 * @example formatDuration(50 * 3_600_000) // '2 天'
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}

/**
 * Office time (002 五(五)'s clock runs in office hours) in working days and hours: "1685 分钟" reads as
 * "4 个工作日 5 分钟" when a working day has 420 office minutes.
 * @example formatWorkingDuration(25, 420) // '25 分钟'
 * @example formatWorkingDuration(1685, 420) // '4 个工作日 5 分钟'
 * @example formatWorkingDuration(560, 420) // '1 个工作日 2 小时 20 分钟'
 */
export function formatWorkingDuration(officeMinutes: number, workdayMinutes: number): string {
  const total = Math.max(0, Math.round(officeMinutes));
  const days = workdayMinutes > 0 ? Math.floor(total / workdayMinutes) : 0;
  const hours = Math.floor((total - days * workdayMinutes) / 60);
  const minutes = total - days * workdayMinutes - hours * 60;
  const parts = [days > 0 && `${days} 个工作日`, hours > 0 && `${hours} 小时`, (minutes > 0 || total === 0) && `${minutes} 分钟`];
  return parts.filter(Boolean).join(' ');
}
