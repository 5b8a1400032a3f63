import type { AdminAccount } from '../types';

export type HealthLevel = 'ok' | 'warning' | 'paused' | 'dead';

export interface HealthSummary {
  level: HealthLevel;
  label: string;
}

const HOUR = 3_600_000;

/**
 * One line an admin can act on: a dead token first (re-authorize), then paused, then warnings (token expiring
 * within an hour, last poll failed, open alerts), else OK.
 */
export function summarizeHealth(account: AdminAccount, now: number): HealthSummary {
  const h = account.health;
  if (h.tokenDead) return { level: 'dead', label: 'Re-authorize: token refused' };
  if (account.status === 'paused') return { level: 'paused', label: `Paused${account.pausedReason ? ` (${account.pausedReason})` : ''}` };
  if (h.tokenExpiresAt && Date.parse(h.tokenExpiresAt) - now < HOUR) return { level: 'warning', label: 'Token expires within an hour' };
  if (h.lastPollError) return { level: 'warning', label: `Last poll failed: ${h.lastPollError}` };
  if (h.openAlerts > 0) return { level: 'warning', label: `${h.openAlerts} open alert(s)` };
  return { level: 'ok', label: 'OK' };
}

/** "3 min ago" style, or "never". */
export function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** Options typed as "key=value" lines become the account's options object; blank lines are ignored. */
export function parseOptions(text: string): { options: Record<string, string>; problems: string[] } {
  const options: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      problems.push(`line ${i + 1}: expected key=value`);
      return;
    }
    options[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  });
  return { options, problems };
}
