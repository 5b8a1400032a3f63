// The staffing plan's form: what the fields hold, their checks (the ranges of GET /api/staffing/plan) and the
// parameters they make. Error values are keys of the staffing catalog.
import { dayKey } from '../../../lib/format';
import { isClockTime, isIsoDate, numberIn } from '../../../lib/validate';
import type { PlanParams } from '../api/types';

/** The fields as typed; rates in percent (99 for 0.99), the peak as `20:00–22:00 × 10` or empty. */
export interface PlanDraft {
  date: string;
  days: string;
  multiplier: string;
  peak: string;
  urgentSeconds: string;
  urgentRate: string;
  regularSeconds: string;
  regularRate: string;
  /** empty: every shop the user may see */
  account: string;
}

export type PlanField = keyof PlanDraft;
export type PlanErrors = Partial<Record<PlanField, string>>;

export interface Peak {
  start: string;
  end: string;
  factor: number;
}

export type PeakResult = { peak: Peak; error?: undefined } | { peak?: undefined; error: string };

export const FACTOR_MIN = 0.1;
export const FACTOR_MAX = 100;

/** The server's defaults, for the day after `now` in `zone`. */
export function newPlanDraft(zone: string, now: Date = new Date()): PlanDraft {
  return {
    date: dayKey(new Date(now.getTime() + 86_400_000), zone),
    days: '7',
    multiplier: '1',
    peak: '',
    urgentSeconds: '60',
    urgentRate: '99',
    regularSeconds: '120',
    regularRate: '95',
    account: '',
  };
}

const PEAK = /^(\d{1,2}:\d{2})\s*[-–—~]\s*(\d{1,2}:\d{2})\s*[x×*]\s*(\d+(?:\.\d+)?)$/i;
const padHour = (time: string) => time.padStart(5, '0');

/**
 * Reads one peak, `20:00-22:00x10` as the API writes it or as people type it (`20:00 – 22:00 × 1.5`, `8:00-9:30x2`):
 * the end must come after the start on the same day, the factor within 0.1..100.
 */
export function parsePeak(text: string): PeakResult {
  const m = PEAK.exec(text.trim());
  if (!m) return { error: 'error.peakFormat' };
  const [start, end] = [padHour(m[1]), padHour(m[2])];
  // 24:00 ends a peak at the day's end; an end before the start runs past midnight into the day's first hours
  if (!isClockTime(start) || !(isClockTime(end) || end === '24:00')) return { error: 'error.peakTime' };
  if (end === start) return { error: 'error.peakOrder' };
  const factor = Number(m[3]);
  if (factor < FACTOR_MIN || factor > FACTOR_MAX) return { error: 'error.peakFactor' };
  return { peak: { start, end, factor } };
}

/** The peak as the API's parameter: `20:00-22:00x10`. */
export function peakParam(peak: Peak): string {
  return `${peak.start}-${peak.end}x${peak.factor}`;
}

const inRange = (text: string, min: number, max: number, whole = false) => {
  const value = numberIn(text);
  return value !== null && value >= min && value <= max && (!whole || Number.isInteger(value));
};

/** Every problem at once, keyed by field. */
export function validatePlanDraft(d: PlanDraft): PlanErrors {
  const errors: PlanErrors = {};
  if (!isIsoDate(d.date)) errors.date = 'error.date';
  if (!inRange(d.days, 1, 56, true)) errors.days = 'error.days';
  if (!inRange(d.multiplier, 0.1, 100)) errors.multiplier = 'error.multiplier';
  if (d.peak.trim()) {
    const { error } = parsePeak(d.peak);
    if (error) errors.peak = error;
  }
  if (!inRange(d.urgentSeconds, 1, 3600, true)) errors.urgentSeconds = 'error.seconds';
  if (!inRange(d.regularSeconds, 1, 3600, true)) errors.regularSeconds = 'error.seconds';
  // 100 % within a time cannot be planned for (the queue's waits have no upper bound)
  for (const field of ['urgentRate', 'regularRate'] as const) {
    const value = numberIn(d[field]);
    if (value === null || value <= 0 || value >= 100) errors[field] = 'error.rate';
  }
  return errors;
}

/** Percent typed → share sent, without float noise (99.9 → 0.999). */
const share = (percent: string) => Number((Number(percent) / 100).toFixed(6));

/** The parameters of a valid draft (check with validatePlanDraft first). */
export function toPlanParams(d: PlanDraft): PlanParams {
  const peak = d.peak.trim() ? parsePeak(d.peak).peak : undefined;
  return {
    date: d.date,
    days: Number(d.days),
    ...(d.account ? { account: d.account } : {}),
    multiplier: Number(d.multiplier),
    ...(peak ? { peak: peakParam(peak) } : {}),
    urgentSeconds: Number(d.urgentSeconds),
    urgentRate: share(d.urgentRate),
    regularSeconds: Number(d.regularSeconds),
    regularRate: share(d.regularRate),
  };
}
