import { describe, expect, it } from 'vitest';
import { windowDay } from './window-day';

describe('the day of the window calls', () => {
  it('is the date parameter, escaped', () => {
    expect(windowDay('2026-11-11')).toBe('?date=2026-11-11');
    expect(windowDay('11/11 2026')).toBe('?date=11%2F11+2026');
  });
});
