import { describe, expect, it } from 'vitest';
import { isClockTime, isIsoDate, numberIn } from './validate';

describe('form checks', () => {
  it('takes a time of day as HH:MM only', () => {
    expect(['00:00', '07:30', '23:59'].every(isClockTime)).toBe(true);
    expect(['24:00', '7:30', '12:60', '12:00:00', ''].some(isClockTime)).toBe(false);
  });

  it('takes a day that exists, as YYYY-MM-DD', () => {
    expect(isIsoDate('2026-11-11')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-11-1')).toBe(false);
    expect(isIsoDate('11/11/2026')).toBe(false);
  });

  it('reads a number from a field, null when empty or not a number', () => {
    expect(numberIn(' 1.5 ')).toBe(1.5);
    expect(numberIn('')).toBeNull();
    expect(numberIn('ten')).toBeNull();
    expect(numberIn('Infinity')).toBeNull();
  });
});
