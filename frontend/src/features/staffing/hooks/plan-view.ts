// What the staffing panel shows, derived from a plan of the API: one row per hour and the day's summary.
import { formatNumber } from '../../../lib/format';
import { languageLabel } from '../../../lib/labels';
import type { ByLanguage, PlanHour, StaffingPlan, TimeWindow } from '../api/types';

export interface LanguageCount {
  language: string;
  count: number;
}

/**
 * A target the answer times alone put out of reach: `late` of its chats are answered after `seconds` whatever
 * the staffing.
 */
export interface OutOfReach {
  target: 'urgent' | 'regular';
  late: number;
  seconds: number;
}

export interface HourRow {
  hour: number;
  /** "19:00–20:00" */
  label: string;
  arrivals: number;
  /** arrivals by buyer language, most first */
  split: LanguageCount[];
  agents: number;
  onShift: number;
  standbyNeeded: number;
  /** speakers lacking on shift, by language, most first */
  shortfall: LanguageCount[];
  /** too few agents, or too few speakers of some language */
  short: boolean;
  urgentRate: number;
  regularRate: number;
  occupancy: number;
  /** the model's rates miss a target (the planner caps an hour's agents) */
  belowTarget: boolean;
  /** targets at or above what the answer times alone allow (the planner then aims for that share of the ceiling) */
  outOfReach: OutOfReach[];
}

export interface PlanSummary {
  standbyCurrent: string[];
  standbyToAdd: string[];
  standbyNeeded: number;
  neededByLanguage: LanguageCount[];
  /** speakers still lacking once every candidate is in standby */
  missing: LanguageCount[];
  /** agents still lacking in all once every candidate is in standby */
  missingAgents: number;
  /** too little history: the seat and answer times are the server's assumptions */
  assumedTimes: { seatSeconds: number; answerSeconds: number } | null;
  /** as the server merged them: the hours with standby needed */
  surgeWindows: string[];
  /** every hour short of agents or of a language's speakers, merged */
  shortWindows: string[];
  arrivals: number;
  /** the hour that needs the most agents (null on a day without chats) */
  busiest: { label: string; agents: number } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (hour: number) => `${pad(hour)}:00`;

export const windowLabel = (w: TimeWindow) => `${w.start}–${w.end}`;

/** The languages with a positive count, most first (ties by code). */
export function byCount(map: ByLanguage | undefined): LanguageCount[] {
  return Object.entries(map ?? {})
    .filter(([, count]) => count > 0)
    .map(([language, count]) => ({ language, count }))
    .sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
}

/** Hours of the day merged into contiguous ranges, end exclusive: [9, 19, 20, 21] → 09:00–10:00, 19:00–22:00. */
export function mergeHours(hours: number[]): TimeWindow[] {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  const windows: { from: number; to: number }[] = [];
  for (const h of sorted) {
    const last = windows[windows.length - 1];
    if (last && last.to === h) last.to = h + 1;
    else windows.push({ from: h, to: h + 1 });
  }
  return windows.map((w) => ({ start: clock(w.from), end: clock(w.to) }));
}

/** "ZH 3, TH 1" (in the user's number format). */
export function languageCounts(counts: LanguageCount[], separator = ', '): string {
  return counts.map((c) => `${languageLabel(c.language)} ${formatNumber(c.count)}`).join(separator);
}

const sum = (map: ByLanguage) => Object.values(map).reduce((a, b) => a + b, 0);

function outOfReach(h: PlanHour, targets: StaffingPlan['targets']): OutOfReach[] {
  if (h.agents === 0) return [];
  const capped = (target: OutOfReach['target'], ceiling: number, rate: number, seconds: number) =>
    ceiling <= rate ? [{ target, late: 1 - ceiling, seconds }] : [];
  return [
    ...capped('urgent', h.urgentCeiling, targets.urgentRate, targets.urgentSeconds),
    ...capped('regular', h.regularCeiling, targets.regularRate, targets.regularSeconds),
  ];
}

export function hourRow(h: PlanHour, targets: StaffingPlan['targets']): HourRow {
  const shortfall = byCount(h.standbyNeededByLanguage);
  return {
    hour: h.hour,
    label: `${clock(h.hour)}–${clock(h.hour + 1)}`,
    arrivals: sum(h.arrivals),
    split: byCount(h.arrivals),
    agents: h.agents,
    onShift: h.onShift,
    standbyNeeded: h.standbyNeeded,
    shortfall,
    short: h.standbyNeeded > 0 || shortfall.length > 0,
    urgentRate: h.urgentRate,
    regularRate: h.regularRate,
    occupancy: h.occupancy,
    belowTarget: h.agents > 0 && (h.urgentRate < targets.urgentRate || h.regularRate < targets.regularRate),
    outOfReach: outOfReach(h, targets),
  };
}

/** The 24 rows of the table, in hour order. */
export function hourRows(plan: StaffingPlan): HourRow[] {
  return [...plan.hours].sort((a, b) => a.hour - b.hour).map((h) => hourRow(h, plan.targets));
}

export function planSummary(plan: StaffingPlan): PlanSummary {
  const rows = hourRows(plan);
  const busiest = rows.reduce<HourRow | null>((top, r) => (r.agents > (top?.agents ?? 0) ? r : top), null);
  return {
    standbyCurrent: plan.standby.current,
    standbyToAdd: plan.standby.proposed,
    standbyNeeded: plan.standby.needed,
    neededByLanguage: byCount(plan.standby.neededByLanguage),
    missing: byCount(plan.standby.missing),
    missingAgents: plan.standby.missingAgents,
    assumedTimes: plan.history.defaults
      ? { seatSeconds: plan.history.seatSeconds, answerSeconds: plan.history.answerSeconds }
      : null,
    surgeWindows: plan.surgeWindows.map(windowLabel),
    shortWindows: mergeHours(rows.filter((r) => r.short).map((r) => r.hour)).map(windowLabel),
    arrivals: rows.reduce((a, r) => a + r.arrivals, 0),
    busiest: busiest && { label: busiest.label, agents: busiest.agents },
  };
}

/**
 * Why applying and removing are not offered, or null when they are: a user who does not serve every shop is told up
 * front (the server would refuse); otherwise the server's own refusal, once it gave one.
 */
export function applyRefusal(mayApply: boolean, allShopsText: string, ...refusals: (string | null)[]): string | null {
  if (!mayApply) {
    return allShopsText;
  }
  return refusals.find((r) => r) ?? null;
}
