import type { ScoresByLanguage, SplitScores } from '../api/models';

/** The corpus languages in the order the table shows them, then the overall row. */
export const LANGUAGE_ORDER = ['en', 'zh', 'zh-Hant', 'th', 'vi', 'ms', 'all'];

export const TARGETS = { urgentRecall: 0.95, urgentPrecision: 0.9, categoryAccuracy: 0.9 } as const;
export type Metric = keyof typeof TARGETS;
export const METRICS: Metric[] = ['urgentRecall', 'urgentPrecision', 'categoryAccuracy'];

export interface ScoreRow {
  language: string;
  scores: SplitScores;
  baseline: SplitScores | null;
  /** The metrics of this row below their target. */
  below: Metric[];
}

/**
 * A model's test-split scores as table rows: known languages first in a fixed order, any other language the
 * server reports after them, "all" last; each with the word lists' scores on the same language when given.
 */
export function scoreRows(scores: ScoresByLanguage, baseline?: ScoresByLanguage): ScoreRow[] {
  const known = LANGUAGE_ORDER.filter((l) => l !== 'all' && scores[l]);
  const others = Object.keys(scores).filter((l) => !LANGUAGE_ORDER.includes(l)).sort();
  const order = [...known, ...others, ...(scores.all ? ['all'] : [])];
  return order.map((language) => {
    const s = scores[language];
    return {
      language,
      scores: s,
      baseline: baseline?.[language] ?? null,
      below: METRICS.filter((m) => s[m] < TARGETS[m]),
    };
  });
}

export function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;
}
