import { formatDuration } from './format';
import { i18n } from './i18n';

export type CountdownLevel = 'ok' | 'warn' | 'breached' | 'none';

export interface Countdown {
  label: string;
  level: CountdownLevel;
  /** ms until the deadline; negative once it passed */
  ms: number;
}

/**
 * The live SLA countdown of a conversation: "0:42 left" while the buyer waits, "late 1m 05s" once the
 * first-response deadline passed. warn when the server says so (its warning fired) or under 25 % of
 * the target is left.
 */
export function slaCountdown(
  sla: { state: string; dueAt: string | null } | undefined,
  waitingSince: string | null,
  now: number,
): Countdown {
  if (!sla || !sla.dueAt || sla.state === 'none') return { label: '—', level: 'none', ms: 0 };
  const due = Date.parse(sla.dueAt);
  if (Number.isNaN(due)) return { label: '—', level: 'none', ms: 0 };
  const ms = due - now;
  if (ms <= 0 || sla.state === 'breached') {
    return { label: i18n.t('common:sla.late', { duration: formatDuration(Math.max(0, -ms)) }), level: 'breached', ms };
  }
  const start = waitingSince ? Date.parse(waitingSince) : Number.NaN;
  const total = Number.isNaN(start) ? ms : due - start;
  const level: CountdownLevel = sla.state === 'warned' || ms <= total * 0.25 ? 'warn' : 'ok';
  return { label: i18n.t('common:sla.left', { duration: formatDuration(ms) }), level, ms };
}

const RANK: Record<string, number> = { critical: 0, urgent: 1, normal: 2 };

/** The order the router serves: priority class, then the earliest deadline (none last), then id. */
export function compareQueued(
  a: { id: number; priority: string; sla?: { dueAt: string | null } },
  b: { id: number; priority: string; sla?: { dueAt: string | null } },
): number {
  const rank = (RANK[a.priority] ?? 3) - (RANK[b.priority] ?? 3);
  if (rank !== 0) return rank;
  const ad = a.sla?.dueAt ? Date.parse(a.sla.dueAt) : Number.POSITIVE_INFINITY;
  const bd = b.sla?.dueAt ? Date.parse(b.sla.dueAt) : Number.POSITIVE_INFINITY;
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.id - b.id;
}
