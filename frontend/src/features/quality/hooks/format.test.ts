import { describe, expect, it } from 'vitest';
import { percent, seconds } from './format';

describe('report formatting', () => {
  it('shows rates as percentages and nothing as a dash', () => {
    expect(percent(0.8123)).toBe('81.2%');
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(null)).toBe('—');
  });

  it('shows response times in seconds, then minutes', () => {
    expect(seconds(45)).toBe('45 s');
    expect(seconds(600)).toBe('10 min');
    expect(seconds(null)).toBe('—');
  });
});
