// The surge windows stored for the planned day, as the panel lists them, and what removing them answered.
import { ApiError } from '../../../lib/api-client';
import { formatClock, type ZoneOptions } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';
import type { AgentEvent } from '../../../lib/api-types';
import type { PlannedWindow, SurgeWindow } from '../api/types';
import type { ConfirmState } from './confirm-flow';
import { windowLabel } from './plan-view';

export interface WindowRow {
  key: string;
  /** "20:00–22:00" (a window may end at 24:00, the day's end) */
  label: string;
  /** the standby agents it calls */
  agents: string[];
  /** who stored it; null when that user was removed since */
  by: string | null;
  /** when it was stored, in the user's zone: "14:02" today, "10 Nov 14:02" another day */
  at: string;
}

/** The stored windows in the order of the day. */
export function windowRows(windows: PlannedWindow[], now: Date, options?: ZoneOptions): WindowRow[] {
  return [...windows]
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end))
    .map((w, i) => ({
      key: `${w.start}-${w.end}-${i}`, label: windowLabel(w), agents: w.agents, by: w.by, at: formatClock(w.at, now, options),
    }));
}

/**
 * Some windows are stored for the day and they are not this plan's, in their hours or the agents they call (applying
 * the plan would replace them).
 */
export function storedDiffer(stored: SurgeWindow[], planned: SurgeWindow[]): boolean {
  if (stored.length === 0) return false;
  const labels = (windows: SurgeWindow[]) => windows.map((w) => `${windowLabel(w)} ${w.agents.join(',')}`).sort().join(' ');
  return labels(stored) !== labels(planned);
}

/**
 * The server's reason when it refused the user the change (403: applying a plan and removing windows take a
 * supervisor or admin of every shop); null for any other failure.
 */
export function refusalText(e: unknown): string | null {
  if (!(e instanceof ApiError) || e.status !== 403) return null;
  return e.message || i18n.t('common:error.forbidden');
}

/** Removing the day's stored windows: the count the server removed. */
export type RemoveState = ConfirmState<number>;

/** Someone stored or removed the windows of the shown day (`surge.windows`): read them again. */
export function windowsChangedOn(event: AgentEvent, date: string | null): boolean {
  return event.event === 'surge.windows' && date !== null && event.data.date === date;
}
