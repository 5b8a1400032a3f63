import { describe, expect, it } from 'vitest';
import type { SplitScores } from '../api/models';
import { percent, scoreRows } from './score-rows';

const s = (recall: number, precision: number, category: number): SplitScores => ({
  messages: 41,
  urgent: 21,
  missed: 0,
  falselyRaised: 0,
  urgentRecall: recall,
  urgentPrecision: precision,
  categoryAccuracy: category,
});

describe('scoreRows', () => {
  it('orders the languages, puts "all" last and any unknown language before it', () => {
    const rows = scoreRows({ all: s(1, 1, 1), vi: s(1, 1, 1), en: s(1, 1, 1), id: s(1, 1, 1), zh: s(1, 1, 1) });
    expect(rows.map((r) => r.language)).toEqual(['en', 'zh', 'vi', 'id', 'all']);
  });

  it('marks the metrics below target and pairs each language with the word lists', () => {
    const rows = scoreRows({ en: s(0.96, 0.87, 0.9), all: s(0.94, 0.95, 0.89) }, { en: s(0.14, 0.6, 0.39) });
    expect(rows[0].below).toEqual(['urgentPrecision']);
    expect(rows[0].baseline?.urgentRecall).toBe(0.14);
    expect(rows[1].below).toEqual(['urgentRecall', 'categoryAccuracy']);
    expect(rows[1].baseline).toBeNull();
  });
});

describe('percent', () => {
  it('shows one decimal and a dash when missing', () => {
    expect(percent(0.9125)).toBe('91.3 %');
    expect(percent(1)).toBe('100.0 %');
    expect(percent(undefined)).toBe('–');
  });
});
