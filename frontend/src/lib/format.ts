// Small display formatters shared by the features.

/** "12s", "1m 12s", "1h 05m", "2d 3h" for a duration in milliseconds (negative counts as 0). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

export type WaitingLevel = 'ok' | 'warn' | 'late';

export const WAITING_WARN_MS = 60_000;
export const WAITING_LATE_MS = 120_000;

export interface Waiting {
  label: string;
  level: WaitingLevel;
  ms: number;
}

/** How long a buyer has been waiting: null when nobody is waiting (answered). */
export function waitingTime(waitingSince: string | null, now: number): Waiting | null {
  if (!waitingSince) return null;
  const since = Date.parse(waitingSince);
  if (Number.isNaN(since)) return null;
  const ms = Math.max(0, now - since);
  const level: WaitingLevel = ms > WAITING_LATE_MS ? 'late' : ms > WAITING_WARN_MS ? 'warn' : 'ok';
  return { label: `waiting ${formatDuration(ms)}`, level, ms };
}

/** "14:02" today, "23 Nov 14:02" on other days, in the agent's own time zone. */
export function formatClock(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}

export function formatFull(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
