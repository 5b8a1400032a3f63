import { dayKey } from '../../../lib/format';
import { currentTimeZone, i18n } from '../../../lib/i18n';

/** 0.8123 → "81.2%"; null → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Today as YYYY-MM-DD in the user's zone. */
export function today(): string {
  return dayKey(new Date(), browserZone());
}

/** The user's zone (their saved choice, else the browser's). */
export function browserZone(): string {
  return currentTimeZone() || 'UTC';
}

export function seconds(s: number | null | undefined): string {
  if (s === null || s === undefined) return '—';
  return s < 120 ? i18n.t('quality:report.seconds', { n: s }) : i18n.t('quality:report.minutes', { n: Math.round(s / 60) });
}
