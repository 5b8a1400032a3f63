import { describe, expect, it } from 'vitest';
import { formatDuration, waitingTime } from './format';

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
