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
