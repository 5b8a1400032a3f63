import { describe, expect, it } from 'vitest';
import { daysBefore, today } from './dates';

describe('report dates', () => {
  it('takes today in the chosen time zone, not the browser’s', () => {
    const instant = new Date('2026-11-23T16:30:00Z');
    expect(today('Asia/Shanghai', instant)).toBe('2026-11-24');
    expect(today('America/Los_Angeles', instant)).toBe('2026-11-23');
  });

  it('counts days back across a month end', () => {
    expect(daysBefore('2026-12-03', 6)).toBe('2026-11-27');
  });
});
