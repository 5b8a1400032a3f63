import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, formatDuration, formatNumber, formatPercent, localizeTimestamps, waitingTime } from './format';

const NOW = Date.parse('2026-11-23T14:10:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('formatDuration', () => {
  it('shows seconds, minutes, hours and days compactly', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(72_000)).toBe('1m 12s');
    expect(formatDuration(60_000)).toBe('1m 00s');
    expect(formatDuration(3_900_000)).toBe('1h 05m');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe('2d 3h');
  });

  it('never shows a negative time (clock skew between server and browser)', () => {
    expect(formatDuration(-5000)).toBe('0s');
  });
});

describe('waitingTime', () => {
  it('is null when nobody waits', () => {
    expect(waitingTime(null, NOW)).toBeNull();
    expect(waitingTime('not a date', NOW)).toBeNull();
  });

  it('counts from waitingSince to now', () => {
    expect(waitingTime(ago(72), NOW)?.label).toBe('waiting 1m 12s');
    expect(waitingTime(ago(5), NOW)?.label).toBe('waiting 5s');
  });

  it('turns amber past 60 s and red past 120 s', () => {
    expect(waitingTime(ago(60), NOW)?.level).toBe('ok');
    expect(waitingTime(ago(61), NOW)?.level).toBe('warn');
    expect(waitingTime(ago(120), NOW)?.level).toBe('warn');
    expect(waitingTime(ago(121), NOW)?.level).toBe('late');
  });
});

describe('times in the user zone and language (bug 7)', () => {
  const shanghai = { timeZone: 'Asia/Shanghai', locale: 'en' };

  it('rewrites the UTC instants of a server text into the user zone', () => {
    const text = 'SLA breached: no first response by 2026-11-30T13:36:36Z (still in the queue)';
    const shown = localizeTimestamps(text, shanghai);
    expect(shown).not.toContain('2026-11-30T13:36:36Z');
    expect(shown).toContain('9:36:36');
    expect(shown).toMatch(/^SLA breached: no first response by .*\(still in the queue\)$/);
    expect(localizeTimestamps('2026-11-30T13:36:36.123456Z', shanghai)).not.toContain('T13');
  });

  it('formats clock times in the zone and the language', () => {
    const now = new Date('2026-11-30T14:00:00Z');
    expect(formatClock('2026-11-30T13:36:36Z', now, shanghai)).toBe('21:36');
    expect(formatClock('2026-11-29T13:36:36Z', now, { timeZone: 'Asia/Shanghai', locale: 'zh-CN' })).toBe('11月29日 21:36');
    expect(formatClock('2026-11-30T13:36:36Z', now, { timeZone: 'America/New_York', locale: 'en' })).toBe('08:36');
  });

  it('uses the day of the user zone for "today"', () => {
    const now = new Date('2026-11-30T17:00:00Z'); // already 1 December in Shanghai
    expect(formatDay('2026-11-30T16:30:00Z', now, shanghai)).toBe('Today');
    expect(formatDay('2026-11-30T15:00:00Z', now, shanghai)).not.toBe('Today');
  });
});

describe('formatNumber and formatPercent', () => {
  it('rounds to the digits asked for, grouped as the language writes numbers', () => {
    expect(formatNumber(5.5)).toBe('5.5');
    expect(formatNumber(12.04)).toBe('12');
    expect(formatNumber(1234.56, 0)).toBe('1,235');
  });

  it('shows a share as a percent with at most one decimal, a dash when there is none', () => {
    expect(formatPercent(0.995)).toBe('99.5%');
    expect(formatPercent(0.42)).toBe('42%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
