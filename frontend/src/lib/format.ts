import { currentLanguage, currentTimeZone, i18n } from './i18n';

// Small display formatters shared by the features: in the user's language and time zone.

export interface ZoneOptions {
  locale?: string;
  timeZone?: string;
}

const zoneOptions = (o: ZoneOptions = {}) => ({ locale: o.locale ?? currentLanguage(), timeZone: o.timeZone ?? currentTimeZone() });

/** "12s", "1m 12s", "1h 05m", "2d 3h" (or "12秒", "1分12秒"…) for a duration in ms (negative counts as 0). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return i18n.t('common:duration.days', { d, h });
  if (h > 0) return i18n.t('common:duration.hours', { h, m: pad(m) });
  if (m > 0) return i18n.t('common:duration.minutes', { m, s: pad(s) });
  return i18n.t('common:duration.seconds', { s });
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
  return { label: i18n.t('common:waiting', { duration: formatDuration(ms) }), level, ms };
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (for "is it today?"). */
export function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "14:02" today, "23 Nov 14:02" (or "11月23日 14:02") on other days, in the user's zone and language. */
export function formatClock(iso: string, now: Date = new Date(), options?: ZoneOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const { locale, timeZone } = zoneOptions(options);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  if (dayKey(date, timeZone) === dayKey(now, timeZone)) return time;
  return `${new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' }).format(date)} ${time}`;
}

/** Date and time with seconds, in the user's zone and language. */
export function formatFull(iso: string, options?: ZoneOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { locale, timeZone } = zoneOptions(options);
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** A day heading of the timeline: "Today", else weekday and date. */
export function formatDay(iso: string, now: Date = new Date(), options?: ZoneOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const { locale, timeZone } = zoneOptions(options);
  if (dayKey(date, timeZone) === dayKey(now, timeZone)) return i18n.t('common:today');
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** Server texts (timeline activities) may carry UTC instants: shown in the user's zone and language. */
export function localizeTimestamps(text: string, options?: ZoneOptions): string {
  return text.replace(ISO_INSTANT, (instant) => formatFull(instant, options));
}

/** A count or an average in the user's language, at most `digits` decimals: "12", "5.5", "1,234". */
export function formatNumber(value: number, digits = 1, locale: string = currentLanguage()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A share (0..1) as a percent with at most one decimal: "99.5%"; "—" when there is none. */
export function formatPercent(share: number | null | undefined, locale: string = currentLanguage()): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
